#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A closed pipe on stdout should become a reported write error (exit 4), not a silent death.
signal(SIGPIPE, SIG_IGN)
let status = Tool(context: .live()).run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
