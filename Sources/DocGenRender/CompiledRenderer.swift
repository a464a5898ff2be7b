import DocGenMarkdown

/// Renders `CompiledTemplate`s the way swift-mustache renders the same templates
/// (`MustacheTemplate.render(context:)`, ported token by token), over the page data docgen
/// builds: dictionaries (and `ContextObject`s), arrays, strings, booleans and integers. On a
/// value of any other type it stops (`Unsupported`) and the page is rendered by swift-mustache,
/// whose protocols (lambdas, custom renderables, mirrors) such a value may use.
struct CompiledRenderer {
    /// The templates by name, for partials.
    let templates: [String: CompiledTemplate]
    /// The context stack, innermost last.
    private var stack: [Any]

    init(templates: [String: CompiledTemplate], object: Any) {
        self.templates = templates
        self.stack = [object]
    }

    /// The text of template `name`, `nil` if there is no such template.
    mutating func render(_ name: String) throws -> String? {
        guard let template = templates[name] else { return nil }
        var output = ""
        try render(template.nodes, indentation: nil, into: &output)
        return output
    }

    private mutating func render(_ nodes: [CompiledTemplate.Node], indentation: String?, into output: inout String)
        throws
    {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { try render(node, indentation: indentation, into: &output) }
            return
        }
        // An indented partial's indentation, where swift-mustache puts it: before a token's text
        // when the text of the template (or section) so far ends with a line break.
        var text = ""
        for node in nodes {
            var nodeText = ""
            try render(node, indentation: indentation, into: &nodeText)
            if !nodeText.isEmpty, text.last == "\n" { text += indentation }
            text += nodeText
        }
        output += text
    }

    private mutating func render(_ node: CompiledTemplate.Node, indentation: String?, into output: inout String) throws
    {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let value = try lookUp(name) else { return }
            let text = try Self.text(of: value)
            output += escaped ? HTMLEscaping.escapeMustache(text) : text
        case .section(let name, let nodes, let inverted):
            let value = try lookUp(name)
            if inverted {
                try renderInverted(value, nodes, indentation: indentation, into: &output)
            } else if let value {
                if let elements = Self.elements(value) {
                    for element in elements {
                        try render(nodes, with: element, indentation: indentation, into: &output)
                    }
                } else if type(of: value) == Bool.self {
                    if value as! Bool { try render(nodes, indentation: indentation, into: &output) }
                } else {
                    try render(nodes, with: value, indentation: indentation, into: &output)
                }
            }
        case .partial(let name, let indented):
            guard let template = templates[name] else { return }
            let indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
            try render(template.nodes, indentation: indentation, into: &output)
        }
    }

    private mutating func renderInverted(
        _ value: Any?, _ nodes: [CompiledTemplate.Node], indentation: String?, into output: inout String
    ) throws {
        guard let value else { return try render(nodes, indentation: indentation, into: &output) }
        if let elements = Self.elements(value) {
            // swift-mustache puts the empty sequence itself in scope.
            if elements.isEmpty { try render(nodes, with: value, indentation: indentation, into: &output) }
        } else if type(of: value) == Bool.self, !(value as! Bool) {
            try render(nodes, indentation: indentation, into: &output)
        }
    }

    private mutating func render(
        _ nodes: [CompiledTemplate.Node], with object: Any, indentation: String?, into output: inout String
    ) throws {
        stack.append(object)
        defer { stack.removeLast() }
        try render(nodes, indentation: indentation, into: &output)
    }

    /// A variable's text, as swift-mustache writes it (`String(describing:)`). An object or a
    /// sequence is not written here: swift-mustache writes the description of the value it
    /// renders, `ContextObject.make`'s, not this one.
    private static func text(of value: Any) throws -> String {
        let type = type(of: value)
        if type == String.self { return value as! String }
        if type == Int.self { return String(value as! Int) }
        if type == Bool.self { return value as! Bool ? "true" : "false" }
        throw CompiledTemplate.Unsupported()
    }

    /// swift-mustache's `getChild(named:)`: the first part down the stack (or in the innermost
    /// object only, for a name with a leading dot), the others inside what it found.
    private func lookUp(_ name: CompiledTemplate.Name) throws -> Any? {
        guard let first = name.parts.first else { return try Self.checked(stack.last!) }
        var found: Any?
        if name.climbs {
            for object in stack.reversed() {
                if let child = try Self.child(first, of: object) {
                    found = child
                    break
                }
            }
        } else {
            found = try Self.child(first, of: stack.last!)
        }
        for part in name.parts.dropFirst() {
            guard let object = found else { return nil }
            found = try Self.child(part, of: object)
        }
        return found
    }

    /// A named value of an object; a string, a number or a sequence has none (swift-mustache
    /// finds no labelled child in their mirrors).
    private static func child(_ name: String, of object: Any) throws -> Any? {
        let type = type(of: object)
        let value: Any?
        if type == ContextObject.self {
            value = (object as! ContextObject).values[name]
        } else if type == [String: Any].self {
            value = (object as! [String: Any])[name]
        } else if type == [String: String].self {
            value = (object as! [String: String])[name]
        } else {
            _ = try checked(object)
            return nil
        }
        return try value.map(checked)
    }

    /// `value`, if it is of a type whose meaning here is known to be swift-mustache's: the
    /// types of docgen's page data, which `ContextObject.make` turns into the same values for
    /// swift-mustache.
    private static func checked(_ value: Any) throws -> Any {
        let type = type(of: value)
        guard
            type == String.self || type == Bool.self || type == Int.self || type == ContextObject.self
                || type == [String: Any].self || type == [String: String].self
                || sequenceTypes.contains(where: { $0 == type })
        else { throw CompiledTemplate.Unsupported() }
        return value
    }

    private static let sequenceTypes: [Any.Type] = [
        [Any].self, [[String: Any]].self, [[String: String]].self, [String].self, [ContextObject].self,
    ]

    /// The elements of a sequence value (one of `sequenceTypes`).
    private static func elements(_ value: Any) -> [Any]? {
        let type = type(of: value)
        if type == [Any].self { return (value as! [Any]) }
        if type == [[String: Any]].self { return (value as! [[String: Any]]) }
        if type == [[String: String]].self { return (value as! [[String: String]]) }
        if type == [String].self { return (value as! [String]) }
        if type == [ContextObject].self { return (value as! [ContextObject]) }
        return nil
    }
}
