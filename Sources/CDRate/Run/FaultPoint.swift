#if canImport(Glibc)
import Glibc
#endif

/// Named points where the crash tests kill the process (`CDRATE_FAULT=<name>`): the
/// process sends itself SIGKILL there, exactly as a power cut or `kill -9` would.
public enum FaultPoint {
    /// Kills the process if `CDRATE_FAULT` names `name`.
    public static func reach(_ name: String) {
        guard let fault = getenv("CDRATE_FAULT") else { return }
        if String(cString: fault) == name { kill(getpid(), SIGKILL) }
    }
}
