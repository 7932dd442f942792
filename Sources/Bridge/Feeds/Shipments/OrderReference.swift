import Foundation

/// How an order reference from a 3PL file is compared with Linnworks' order numbers and references.
///
/// Exists because 3PLs write `#1002`, ` SO-1002 `, `1002`, and Linnworks holds `#1002` or `1002`:
/// both sides are trimmed, lower-cased and stripped of the configured prefixes and suffixes
/// (default `#` and `SO-`) before they are compared.
struct OrderReferenceMatcher: Sendable {
    var prefixes: [String]
    var suffixes: [String]

    init(prefixes: [String] = ["#", "SO-"], suffixes: [String] = []) {
        self.prefixes = prefixes.map { $0.lowercased() }.filter { !$0.isEmpty }
        self.suffixes = suffixes.map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    /// The comparable form of a reference.
    func key(_ reference: String) -> String {
        var text = reference.trimmingCharacters(in: .whitespaces).lowercased()
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.hasPrefix(prefix) && text.count > prefix.count {
                text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
            for suffix in suffixes where text.hasSuffix(suffix) && text.count > suffix.count {
                text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return text
    }

    /// Every key under which an order can be found: its number and its three references.
    func keys(of order: OrderSummary) -> Set<String> {
        var keys = Set<String>()
        if let number = order.orderNumber { keys.insert(String(number)) }
        for reference in [order.reference, order.externalReference, order.secondaryReference] {
            if let reference, !reference.isEmpty { keys.insert(key(reference)) }
        }
        return keys
    }

    /// What to ask Linnworks for when the index has no match: the reference as written, and stripped.
    func lookUpVariants(_ reference: String) -> [String] {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        var variants = [trimmed]
        var stripped = trimmed
        for prefix in prefixes where stripped.lowercased().hasPrefix(prefix) && stripped.count > prefix.count {
            stripped = String(stripped.dropFirst(prefix.count))
        }
        if stripped != trimmed { variants.append(stripped) }
        return variants
    }
}
