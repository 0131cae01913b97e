internal import Foundation
#if canImport(FoundationXML)
internal import FoundationXML
#endif

/// A small DOM built with `XMLParser`, to check rendered HTML by its structure rather than by
/// searching its text. Parsing fails (throws) unless the document is well-formed.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This node's text and its descendants', in document order.
    var textContent: String { text }

    /// Every descendant (depth first) for which `predicate` holds.
    func all(_ predicate: (XMLNode) -> Bool) -> [XMLNode] {
        children.flatMap { child in (predicate(child) ? [child] : []) + child.all(predicate) }
    }

    func all(_ name: String) -> [XMLNode] { all { $0.name == name } }

    static func parse(_ text: String) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XMLTreeError(description: parser.parserError.map { "\($0)" } ?? "not well-formed")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = XMLNode(name: elementName, attributes: attributes)
            node.parent = stack.last
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Text belongs to every open element, so textContent includes descendants' text.
            for node in stack { node.text += string }
        }
    }
}

struct XMLTreeError: Error, CustomStringConvertible {
    let description: String
}
