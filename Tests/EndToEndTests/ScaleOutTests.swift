import Foundation
import XCTest
@testable import CDRate

/// Scale-out (SPEC section 12) with the shards as local processes: `collect --night`,
/// `rate --shard K/N` in any order (retried, killed and rerun), `merge`; the run and the
/// state the next night reads must be byte-identical to a single-machine `cdrate run`
/// of the same inputs (the MANIFEST but for its `shards N` line).
final class ScaleOutTests: XCTestCase {
    /// A generated world (300 subscribers, 30,000 records, 4 % broken for every reject
    /// reason) as two nights: night one's inbox holds the files of 21–24 September, night
    /// two's every file (those of night one are skipped as already collected).
    private struct Nights {
        var tariffs: String
        var inboxes: [String]
    }

    private func generatedNights(_ world: EndToEndWorld) throws -> Nights {
        let out = world.root + "/generated"
        let g = try world.cdrate(["generate", "--subscribers", "300", "--records", "30000", "--seed", "5", "--bad", "4", "--out", out])
        XCTAssertEqual(g.status, 0, g.stderr)
        let one = world.root + "/inbox-1", two = world.root + "/inbox-2"
        for d in [one, two] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        for name in try FileManager.default.contentsOfDirectory(atPath: out + "/inbox") {
            let date = name.split(separator: "_")[1]
            if date <= "20260924" { try FileManager.default.copyItem(atPath: out + "/inbox/" + name, toPath: one + "/" + name) }
            try FileManager.default.copyItem(atPath: out + "/inbox/" + name, toPath: two + "/" + name)
        }
        return Nights(tariffs: out + "/Tariffs", inboxes: [one, two])
    }

    /// The committed tree of `work` for comparison: runs, state and archive; MANIFEST
    /// lines naming the shard count left out; the (empty) night area left out.
    static func comparable(_ work: String) -> [String: [UInt8]] {
        var tree = EndToEndWorld.committed(work).filter { !$0.key.hasPrefix("night/") && $0.key != "tmp/" }
        for (path, bytes) in tree where path.hasSuffix("/MANIFEST") {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            tree[path] = Array(lines.filter { !$0.hasPrefix("shards ") }.joined(separator: "\n").utf8)
        }
        return tree
    }

    private func single(_ world: EndToEndWorld, _ nights: Nights, work: String) throws {
        for inbox in nights.inboxes {
            let o = try world.cdrate(["run", "--inbox", inbox, "--tariffs", nights.tariffs, "--work", work, "--threads", "2"])
            XCTAssertEqual(o.status, 0, o.stderr)
        }
    }

    fileprivate func collect(_ world: EndToEndWorld, inbox: String, tariffs: String, work: String) throws {
        let o = try world.cdrate(["collect", "--night", "--inbox", inbox, "--tariffs", tariffs, "--work", work, "--threads", "2"])
        XCTAssertEqual(o.status, 0, o.stderr)
    }

    @discardableResult
    fileprivate func rate(_ world: EndToEndWorld, _ shard: String, tariffs: String, work: String,
                      environment: [String: String] = [:], expect: Int32 = 0) throws -> EndToEndWorld.Outcome {
        var arguments = ["rate", "--tariffs", tariffs, "--work", work, "--threads", "2"]
        if !shard.isEmpty { arguments += ["--shard", shard] }
        let o = try world.cdrate(arguments, environment: environment)
        XCTAssertEqual(o.status, expect, "rate \(shard): \(o.stderr)")
        return o
    }

    @discardableResult
    fileprivate func merge(_ world: EndToEndWorld, tariffs: String, work: String, expect: Int32 = 0) throws -> EndToEndWorld.Outcome {
        let o = try world.cdrate(["merge", "--tariffs", tariffs, "--work", work])
        XCTAssertEqual(o.status, expect, "merge: \(o.stderr)")
        return o
    }

    /// A night as `n` shards rated in the order `order`, then merged.
    private func shardedNight(_ world: EndToEndWorld, inbox: String, tariffs: String, work: String, n: Int, order: [Int]) throws {
        try collect(world, inbox: inbox, tariffs: tariffs, work: work)
        for k in order { try rate(world, "\(k)/\(n)", tariffs: tariffs, work: work) }
        try merge(world, tariffs: tariffs, work: work)
    }

    fileprivate func assertSame(_ expected: [String: [UInt8]], _ work: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let actual = ScaleOutTests.comparable(work)
        let differences = EndToEndWorld.differences(expected, actual)
        XCTAssertEqual(differences, [], what, file: file, line: line)
    }

    func testShardedNightsEqualSingleRunsForOneTwoThreeAndSevenShardsAndAChangeOfShardCount() throws {
        let world = try EndToEndWorld(self)
        let nights = try generatedNights(world)
        let reference = world.root + "/single"
        try single(world, nights, work: reference)
        let expected = ScaleOutTests.comparable(reference)
        XCTAssertNotNil(expected["runs/R0000002/rejects.dat"])
        XCTAssertTrue(expected.keys.contains { $0.hasPrefix("state/R0000002/dupkeys/") && $0.hasSuffix("-R0000002.bin") })

        // N on the first night, then N' on the second; shards in reverse, shuffled and
        // forward order; shard 0 rated twice (a retried task).
        for (n, next) in [(1, 1), (2, 2), (3, 5), (7, 7)] {
            let work = world.root + "/sharded-\(n)"
            let first = Array((0..<n).reversed())
            try shardedNight(world, inbox: nights.inboxes[0], tariffs: nights.tariffs, work: work, n: n, order: first + [0])
            var second = Array(0..<next)
            second.swapAt(0, next / 2)
            try shardedNight(world, inbox: nights.inboxes[1], tariffs: nights.tariffs, work: work, n: next, order: second)
            assertSame(expected, work, "\(n) then \(next) shards")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work + "/night"), [], "the merged nights are removed")
            let manifest = String(decoding: try FileSystem.read(work + "/runs/R0000002/MANIFEST"), as: UTF8.self)
            XCTAssertTrue(manifest.contains("\nshards \(next)\n"), manifest)
        }
    }

    func testAShardKilledMidWayIsPartialUntilRerunAndASecondTaskOfTheSameShardExits4() throws {
        let world = try EndToEndWorld(self)
        let nights = try generatedNights(world)
        let reference = world.root + "/single"
        let o = try world.cdrate(["run", "--inbox", nights.inboxes[0], "--tariffs", nights.tariffs, "--work", reference])
        XCTAssertEqual(o.status, 0, o.stderr)
        let work = world.root + "/sharded"
        try collect(world, inbox: nights.inboxes[0], tariffs: nights.tariffs, work: work)
        try rate(world, "0/3", tariffs: nights.tariffs, work: work)
        // Shard 1 killed before its shard is complete, then in the middle of its round.
        for fault in ["before-shard-rename", "mid-merge-rated.dat"] {
            let killed = try world.cdrate(["rate", "--shard", "1/3", "--tariffs", nights.tariffs, "--work", work],
                                          environment: ["CDRATE_FAULT": fault])
            XCTAssertTrue(killed.killed, "\(fault): \(killed.status) \(killed.stderr)")
        }
        try rate(world, "2/3", tariffs: nights.tariffs, work: work)
        let refused = try merge(world, tariffs: nights.tariffs, work: work, expect: 5)
        XCTAssertTrue(refused.stderr.contains("shard 1/3 is partial"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/runs/R0000001"))

        // A second task of a shard while the first holds its lock exits 4, changing nothing.
        let night = NightArea(area: WorkArea(root: work), runID: RunID(1))
        let lock = try WorkAreaLock(root: night.shardLockDirectory(ShardSpec(index: 1, count: 3)!), startedAt: "now")
        let second = try rate(world, "1/3", tariffs: nights.tariffs, work: work, expect: 4)
        XCTAssertTrue(second.stderr.contains("locked"), second.stderr)
        lock.release()

        // Shard 1 rerun as a Slurm array of that one index (K from the array, N from CDRATE_SHARDS), then the merge.
        try rate(world, "", tariffs: nights.tariffs, work: work,
                 environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "1", "CDRATE_SHARDS": "3"])
        // The merge killed before and at its commit's renames, then rerun.
        for fault in ["before-write-MANIFEST", "before-archive-rename", "before-state-rename", "before-run-rename"] {
            let killed = try world.cdrate(["merge", "--tariffs", nights.tariffs, "--work", work], environment: ["CDRATE_FAULT": fault])
            XCTAssertTrue(killed.killed, "\(fault): \(killed.status) \(killed.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/runs/R0000001"), fault)
        }
        try merge(world, tariffs: nights.tariffs, work: work)
        assertSame(ScaleOutTests.comparable(reference), work, "after the reruns")
    }

    func testMergeRefusesAMissingShardAShardOfAnotherNightAndOfAnotherCount() throws {
        let world = try EndToEndWorld(self)
        let nights = try generatedNights(world)
        let work = world.root + "/sharded"
        // Nothing collected.
        let nothing = try merge(world, tariffs: nights.tariffs, work: work, expect: 3)
        XCTAssertTrue(nothing.stderr.contains("not a work area"), nothing.stderr)
        try collect(world, inbox: nights.inboxes[0], tariffs: nights.tariffs, work: work)
        let none = try merge(world, tariffs: nights.tariffs, work: work, expect: 5)
        XCTAssertTrue(none.stderr.contains("has no rated shard"), none.stderr)
        // A second collect of the same night is refused.
        let again = try world.cdrate(["collect", "--night", "--inbox", nights.inboxes[0], "--tariffs", nights.tariffs, "--work", work])
        XCTAssertEqual(again.status, 5, again.stderr)
        XCTAssertTrue(again.stderr.contains("already collected"), again.stderr)

        try rate(world, "0/3", tariffs: nights.tariffs, work: work)
        try rate(world, "2/3", tariffs: nights.tariffs, work: work)
        let missing = try merge(world, tariffs: nights.tariffs, work: work, expect: 5)
        XCTAssertTrue(missing.stderr.contains("shard 1/3 is missing"), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("shard 0/3"), missing.stderr)
        try rate(world, "1/3", tariffs: nights.tariffs, work: work)
        // A shard of another count beside them.
        try rate(world, "0/2", tariffs: nights.tariffs, work: work)
        let counts = try merge(world, tariffs: nights.tariffs, work: work, expect: 5)
        XCTAssertTrue(counts.stderr.contains("different counts") && counts.stderr.contains("0/2"), counts.stderr)
        try FileManager.default.removeItem(atPath: work + "/night/R0000001/shard-0-of-2")
        // Keep a shard of this night, then merge it.
        let kept = world.root + "/kept-shard"
        try FileManager.default.copyItem(atPath: work + "/night/R0000001/shard-1-of-3", toPath: kept)
        try merge(world, tariffs: nights.tariffs, work: work)

        // Night two: night one's shard dropped in among its own.
        try collect(world, inbox: nights.inboxes[1], tariffs: nights.tariffs, work: work)
        for k in [0, 2] { try rate(world, "\(k)/3", tariffs: nights.tariffs, work: work) }
        // Meanwhile no other command makes a run (it would take the night's run id).
        for arguments in [["run", "--inbox", nights.inboxes[1]], ["reprocess"]] {
            let o = try world.cdrate(arguments + ["--tariffs", nights.tariffs, "--work", work])
            XCTAssertEqual(o.status, 5, o.stderr)
            XCTAssertTrue(o.stderr.contains("night R0000002 is collected and not merged"), o.stderr)
        }
        try FileManager.default.copyItem(atPath: kept, toPath: work + "/night/R0000002/shard-1-of-3")
        let foreign = try merge(world, tariffs: nights.tariffs, work: work, expect: 5)
        XCTAssertTrue(foreign.stderr.contains("shard 1/3") && foreign.stderr.contains("another night (R0000001"), foreign.stderr)
        // A truncated output is refused too.
        try FileManager.default.removeItem(atPath: work + "/night/R0000002/shard-1-of-3")
        try rate(world, "1/3", tariffs: nights.tariffs, work: work)
        let rated = work + "/night/R0000002/shard-1-of-3/rated.dat"
        let bytes = try FileSystem.read(rated)
        try FileSystem.write(rated, Array(bytes.dropLast(300)))
        let truncated = try merge(world, tariffs: nights.tariffs, work: work, expect: 5)
        XCTAssertTrue(truncated.stderr.contains("rated.dat is missing or not the size"), truncated.stderr)
        try rate(world, "1/3", tariffs: nights.tariffs, work: work)
        try merge(world, tariffs: nights.tariffs, work: work)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work + "/runs/R0000002/MANIFEST"))
    }

    func testReprocessRerateBillVerifyAndDiffWorkOnAShardedWorkAreaAsOnASingleOne() throws {
        let world = try EndToEndWorld(self)
        let nights = try generatedNights(world)
        let single = world.root + "/single", sharded = world.root + "/sharded"
        try self.single(world, nights, work: single)
        try shardedNight(world, inbox: nights.inboxes[0], tariffs: nights.tariffs, work: sharded, n: 3, order: [1, 0, 2])
        try shardedNight(world, inbox: nights.inboxes[1], tariffs: nights.tariffs, work: sharded, n: 4, order: [3, 2, 1, 0])
        for work in [single, sharded] {
            for run in ["R0000001", "R0000002"] {
                let v = try world.cdrate(["verify", run, "--work", work])
                XCTAssertEqual(v.status, 0, "\(work) \(run): \(v.stdout) \(v.stderr)")
            }
            let r = try world.cdrate(["reprocess", "--tariffs", nights.tariffs, "--work", work])
            XCTAssertEqual(r.status, 0, r.stderr)
            let g = try world.cdrate(["rerate", "--cycle", "202609", "--tariffs", nights.tariffs, "--work", work])
            XCTAssertEqual(g.status, 0, g.stderr)
            let b = try world.cdrate(["bill", "--cycle", "202609", "--tariffs", nights.tariffs, "--work", work])
            XCTAssertEqual(b.status, 0, b.stderr)
            let v = try world.cdrate(["verify", "R0000003", "--work", work])
            XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
        }
        // The recycle run, the state after it and the bill run's files are the same.
        let a = ScaleOutTests.comparable(single).filter { !$0.key.hasPrefix("bills/") || $0.key.hasSuffix(".dat") }
        let b = ScaleOutTests.comparable(sharded).filter { !$0.key.hasPrefix("bills/") || $0.key.hasSuffix(".dat") }
        XCTAssertNotNil(a["bills/202609/B0000001/BILLS.dat"])
        XCTAssertNotNil(a["cycles/202609/G1/rated.dat"])
        XCTAssertEqual(EndToEndWorld.differences(a, b), [], "after reprocess and bill")
        let d = try world.cdrate(["diff", single + "/bills/202609/B0000001", sharded + "/bills/202609/B0000001", "--work", sharded])
        XCTAssertEqual(d.status, 0, d.stdout + d.stderr)
    }

    func testTheShardComesFromTheArgumentOrTheSchedulersVariables() throws {
        func resolve(_ argument: String?, _ env: [String: String]) throws -> ShardSpec {
            try ShardSpec.resolve(argument) { env[$0] }
        }
        XCTAssertEqual(try resolve("2/7", [:]), ShardSpec(index: 2, count: 7))
        XCTAssertEqual(try resolve("/4", ["JOB_COMPLETION_INDEX": "3"]), ShardSpec(index: 3, count: 4))
        XCTAssertEqual(try resolve(nil, ["JOB_COMPLETION_INDEX": "1", "CDRATE_SHARDS": "5"]), ShardSpec(index: 1, count: 5))
        XCTAssertEqual(try resolve(nil, ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"]), ShardSpec(index: 3, count: 4))
        // A rerun of index 5 of an 8-shard array: its task count is 1, CDRATE_SHARDS names N.
        XCTAssertEqual(try resolve(nil, ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "1", "CDRATE_SHARDS": "8"]),
                       ShardSpec(index: 5, count: 8))
        XCTAssertEqual(try resolve("1/", ["SLURM_ARRAY_TASK_COUNT": "2"]), ShardSpec(index: 1, count: 2))
        for (argument, env) in [("4/4", [:]), ("x/4", [:]), ("1", [:]), ("0/0", [:]), (nil, [:]), ("/4", [:]),
                                (nil, ["SLURM_ARRAY_TASK_ID": "0"])] as [(String?, [String: String])] {
            XCTAssertThrowsError(try resolve(argument, env), "\(argument ?? "nil") \(env)") { error in
                guard case .usage = error as? RunFailure else { return XCTFail("not a usage error: \(error)") }
            }
        }
        XCTAssertEqual(ShardSpec(directoryName: "shard-3-of-7"), ShardSpec(index: 3, count: 7))
        XCTAssertNil(ShardSpec(directoryName: "shard-7-of-7"))
        XCTAssertNil(ShardSpec(directoryName: "shard-03-of-7"))
        // The shards' high-usage alarms come out in IMSI order, each IMSI's in its order.
        XCTAssertEqual(NightMerge.inIMSIOrder(["HU level 3: IMSI 460010000000009 a", "HU level 4: IMSI 460010000000009 b",
                                               "HU level 3: IMSI 460010000000002 c", "HU level 5: IMSI 460010000000002 d"]),
                       ["HU level 3: IMSI 460010000000002 c", "HU level 5: IMSI 460010000000002 d",
                        "HU level 3: IMSI 460010000000009 a", "HU level 4: IMSI 460010000000009 b"])
        // The hash of SPEC section 12 over the IMSI's 15 bytes, as they stand.
        let imsi = Array("460010000000005".utf8)
        let h = imsi.withUnsafeBytes { FNV1a.hash($0) }
        XCTAssertEqual(imsi.withUnsafeBytes { ShardSpec.shard(ofIMSI: $0, count: 7) }, Int(h % 7))
        XCTAssertEqual(ShardSpec.shard(ofIMSINumber: 460010000000005, count: 7), Int(h % 7))
        XCTAssertEqual(ShardSpec.shard(ofIMSINumber: 1234, count: 64),
                       Array("000000000001234".utf8).withUnsafeBytes { ShardSpec.shard(ofIMSI: $0, count: 64) })
    }
}

extension ScaleOutTests {
    func testTheHandWrittenNightsAs64ShardsThen5EqualSingleRuns() throws {
        // Night one has a quarantined file, rejects, a duplicate and a free pool; night two
        // repeats a night-one call and continues the pool. 64 shards: most of them empty.
        let world = try EndToEndWorld(self)
        let single = world.root + "/single", sharded = world.root + "/sharded"
        XCTAssertEqual(try world.run(work: single).status, 0)
        try collect(world, inbox: world.inbox, tariffs: world.tariffs, work: sharded)
        for k in (0..<64).reversed() { try rate(world, "\(k)/64", tariffs: world.tariffs, work: sharded) }
        try merge(world, tariffs: world.tariffs, work: sharded)
        assertSame(ScaleOutTests.comparable(single), sharded, "night one, 64 shards")
        try world.drop(EndToEndWorld.nightTwo)
        XCTAssertEqual(try world.run(work: single).status, 0)
        try collect(world, inbox: world.inbox, tariffs: world.tariffs, work: sharded)
        for k in [4, 0, 3, 1, 2] {
            try rate(world, "", tariffs: world.tariffs, work: sharded, environment: ["JOB_COMPLETION_INDEX": "\(k)", "CDRATE_SHARDS": "5"])
        }
        try merge(world, tariffs: world.tariffs, work: sharded)
        assertSame(ScaleOutTests.comparable(single), sharded, "night two, 5 shards")
    }
}
