/// A column a feed needs, and the header names it is known by.
///
/// Exists so each feed states its columns once (the alias tables of Documentation/Product.md) and a 3PL's own
/// names can be added from the config without code.
public struct ColumnSpec: Sendable, Equatable {
    /// The canonical name, as used in config files and messages ("sku", "level").
    public var name: String
    /// Header names that mean this column; matched after `HeaderName.normalise`.
    public var aliases: [String]
    public var isRequired: Bool

    public init(_ name: String, aliases: [String], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.isRequired = required
    }
}

/// A file-level header problem: the whole file is rejected with this sentence.
public enum HeaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Required columns that no header matched.
    case missingColumns([ColumnSpec], found: [String])
    /// The same header twice (1-based column positions).
    case duplicateHeader(String, positions: [Int])
    /// A header cell with no name (1-based column position).
    case emptyHeader(position: Int)
    /// Two headers that both mean the same column.
    case ambiguousColumn(String, headers: [String])
    /// The file has no header row at all.
    case noHeader

    public var description: String {
        switch self {
        case let .missingColumns(columns, found):
            let wanted = columns.map { "\($0.name) (for example \($0.aliases.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")))" }
            return "the header has no \(wanted.joined(separator: " and no ")) column; found \(found.map { "\"\($0)\"" }.joined(separator: ", "))"
        case let .duplicateHeader(name, positions):
            return "the header \"\(name)\" appears more than once (columns \(positions.map(String.init).joined(separator: ", ")))"
        case let .emptyHeader(position):
            return "column \(position) of the header has no name"
        case let .ambiguousColumn(name, headers):
            return "more than one header could be the \(name) column: \(headers.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .noHeader:
            return "the file is empty: no header row"
        }
    }
}

/// Which field of a record holds which column, decided once from the header row.
///
/// Exists so the per-row path is an array index, not a string lookup.
public struct HeaderMap: Sendable, Equatable {
    /// The file's own header cells, in order, as read.
    public let headers: [String]
    private let indexByColumn: [String: Int]

    /// Matches `headers` against `columns`. `extraAliases` (from the config) adds names per canonical column.
    public init(headers: [String], columns: [ColumnSpec], extraAliases: [String: [String]] = [:]) throws(HeaderError) {
        self.headers = headers
        var positionsByName: [String: [Int]] = [:]
        for (index, header) in headers.enumerated() {
            let normalised = HeaderName.normalise(header)
            if normalised.isEmpty { throw .emptyHeader(position: index + 1) }
            positionsByName[normalised, default: []].append(index)
        }
        for (index, header) in headers.enumerated() {
            let positions = positionsByName[HeaderName.normalise(header)]!
            if positions.count > 1, positions[0] == index {
                throw .duplicateHeader(header, positions: positions.map { $0 + 1 })
            }
        }
        var found: [String: Int] = [:]
        var missing: [ColumnSpec] = []
        for column in columns {
            let names = [column.name] + column.aliases + (extraAliases[column.name] ?? [])
            var matches: [Int] = []
            for name in names {
                if let position = positionsByName[HeaderName.normalise(name)]?.first, !matches.contains(position) {
                    matches.append(position)
                }
            }
            if matches.count > 1 {
                throw .ambiguousColumn(column.name, headers: matches.sorted().map { headers[$0] })
            }
            if let position = matches.first {
                found[column.name] = position
            } else if column.isRequired {
                missing.append(column)
            }
        }
        if !missing.isEmpty { throw .missingColumns(missing, found: headers) }
        self.indexByColumn = found
    }

    /// The field index of a canonical column, or nil when the file does not have it.
    public func index(of column: String) -> Int? { indexByColumn[column] }
}
