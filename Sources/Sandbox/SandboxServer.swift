import Foundation
import Linnworks
import Support
import Synchronization

/// The Linnworks sandbox: an account, its API and the HTTP server it answers on.
///
/// Exists so `linnbridge sandbox`, `linnbridge demo` and the tests run the very same
/// look-alike: `start()` binds 127.0.0.1 (port 0 picks one) and serves on background
/// threads; `run()` waits until `stop()`. The in-process views (`snapshot()`,
/// `counters()`, `callRecords()`) let tests check what Linnworks would now hold.
public final class SandboxServer: Sendable {
    public let options: SandboxOptions
    private let account: SandboxAccount
    private let api: SandboxAPI
    private let http: HTTPServer
    private let credentialSets: [SeedCredentials]
    private let boundPort = Mutex<Int?>(nil)
    private let stopped: AsyncStream<Void>
    private let stopSignal: AsyncStream<Void>.Continuation

    /// A sandbox over the account `options.seed` names.
    public convenience init(options: SandboxOptions) throws(SandboxError) {
        try self.init(seed: try options.loadSeed(), options: options)
    }

    /// A sandbox over `seed`, with `options` for everything else (`options.seed` is ignored).
    public init(seed: SandboxSeed, options: SandboxOptions = SandboxOptions()) throws(SandboxError) {
        self.options = options
        account = try SandboxAccount(seed: seed)
        credentialSets = seed.credentials
        let api = try SandboxAPI(account: account, options: options)
        self.api = api
        http = HTTPServer { api.handle($0) }
        (stopped, stopSignal) = AsyncStream.makeStream(of: Void.self)
    }

    /// Binds and starts serving; returns the port. Calling it twice returns the same port.
    @discardableResult
    public func start() throws(SandboxError) -> Int {
        if let port = boundPort.withLock({ $0 }) { return port }
        let port: Int
        do {
            port = try http.start(port: options.port)
        } catch {
            throw .system(error)
        }
        api.setBaseURL("http://127.0.0.1:\(port)")
        boundPort.withLock { $0 = port }
        return port
    }

    /// The port, once started.
    public var port: Int? { boundPort.withLock { $0 } }

    /// `http://127.0.0.1:PORT`: both the auth URL and the session's `Server`.
    public var baseURL: String { api.base }

    /// Waits until `stop()` is called.
    public func run() async {
        for await _ in stopped {}
    }

    /// Stops serving and wakes `run()`.
    public func stop() {
        http.stop()
        stopSignal.finish()
    }

    /// Credentials that open a session on this sandbox (the seed's first set), auth URL included.
    public func credentials() -> Credentials {
        let first = credentialSets[0]
        return Credentials(applicationID: first.applicationID, applicationSecret: Secret(first.applicationSecret),
                           installationToken: Secret(first.token), authURL: baseURL)
    }

    /// What the account holds now.
    public func snapshot() -> SandboxSnapshot { account.snapshot() }

    /// Every stock level written (SetStockLevel and UpdateStockLevelsBySKU), in order: what tests count
    /// to prove each row reached Linnworks exactly once.
    public func stockWrites() -> [SandboxStockWrite] { account.stockWrites() }

    /// Calls served, by endpoint; 429s; faults injected; authorizations.
    public func counters() -> SandboxCounters { api.log.counters() }

    /// Every call served so far (up to 200,000), oldest first.
    public func callRecords() -> [SandboxCallRecord] { api.log.records() }

    /// Forgets every session, as if they had all been idle too long: the next calls get 401.
    public func expireAllSessions() { api.sessions.expireAll() }

    /// Every session token this sandbox has handed out (for tests proving none leaked).
    public func issuedSessionTokens() -> [String] { api.sessions.issuedTokens() }
}
