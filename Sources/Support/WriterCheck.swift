#if canImport(Glibc)
import Glibc
#endif

/// Whether some process on this machine holds the file open for writing (nil: cannot tell).
///
/// Exists because an SFTP upload that pauses longer than the settle time looks finished to
/// `stat`, yet its writer still holds the file and will go on. Linux refuses a read lease on a
/// file that anyone has open for writing (`F_SETLEASE`, fcntl(2)), so asking for one and giving it
/// back at once answers the question without reading anything. It needs the file's owner or
/// CAP_LEASE and sees only local writers (not those on another host of a network share): then
/// the answer is nil and the settle time and the identity checks are all there is.
public func isOpenForWriting(_ path: String) -> Bool? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return writeLeaseProbe(fd)
}

/// The lease question asked through a read-only descriptor already open.
func writeLeaseProbe(_ fd: Int32) -> Bool? {
    // F_SETLEASE is Linux-specific (F_LINUX_SPECIFIC_BASE + 0) and not exported to Swift.
    let setLease: Int32 = 1024
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    if fcntl(fd, setLease, Int32(F_RDLCK)) == 0 {
        _ = fcntl(fd, setLease, Int32(F_UNLCK))
        return false
    }
    return currentErrno() == EAGAIN ? true : nil
}
