import XCTest
@testable import CDRate

/// The gate the CLI's interrupt handler asks (docs/operations.md): once a command has
/// reached its commit point, an interrupt no longer stops it.
final class CommitGateTests: XCTestCase {
    func testOnceTheCommitHasBegunAnInterruptDoesNotStopTheCommand() {
        CommitGate.enterCommit()
        XCTAssertFalse(CommitGate.stopUnlessCommitting { fatalError("stopped during a commit") })
    }
}
