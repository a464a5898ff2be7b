import DocGenMarkdown

/// Renders `CompiledTemplate`s the way swift-mustache renders the same templates
/// (`MustacheTemplate.render(context:)`, ported token by token), over the page data docgen
/// builds: dictionaries (and `ContextObject`s), arrays, strings, booleans and integers. On a
/// value of any other type it stops (`Unsupported`) and the page is rendered by swift-mustache,
/// whose protocols (lambdas, custom renderables, mirrors) such a value may use.
struct CompiledRenderer {
    /// The templates by name, for partials.
    let templates: [String: CompiledTemplate]
    /// The context stack, innermost last, each object told by its type once, when it is pushed.
    private var stack: [Scope]
    /// The values of the bottom object (the page's data) by `Name.slot`, found on first use:
    /// most tags read `page.…`, `strings.…` or `site.…` from it, and each would hash its first
    /// part and tell the found value's type again.
    private var root: [RootValue] = []

    private enum RootValue {
        case unknown
        case absent
        case present(Scope)
    }

    init(templates: [String: CompiledTemplate], object: Any) {
        self.templates = templates
        self.stack = [Scope(object)]
        stack.reserveCapacity(8)
    }

    /// The text of template `name`, `nil` if there is no such template; `capacity` is reserved
    /// for it first (the expected length in UTF-8 bytes).
    mutating func render(_ name: String, capacity: Int = 0) throws -> String? {
        guard let template = templates[name] else { return nil }
        var output = ""
        output.reserveCapacity(capacity)
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
            if escaped { HTMLEscaping.appendEscapedMustache(text, to: &output) } else { output += text }
        case .section(let name, let nodes, let inverted):
            let value = try lookUp(name)
            if inverted {
                try renderInverted(value, nodes, indentation: indentation, into: &output)
            } else if let value {
                // Most sections are flags: told apart before the sequence types.
                if type(of: value) == Bool.self {
                    if value as! Bool { try render(nodes, indentation: indentation, into: &output) }
                } else if try renderElements(of: value, nodes, indentation: indentation, into: &output) {
                } else {
                    try render(nodes, with: Scope(value), indentation: indentation, into: &output)
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
        if let isEmpty = Self.isEmptySequence(value) {
            // swift-mustache puts the empty sequence itself in scope.
            if isEmpty { try render(nodes, with: Scope(value), indentation: indentation, into: &output) }
        } else if type(of: value) == Bool.self, !(value as! Bool) {
            try render(nodes, indentation: indentation, into: &output)
        }
    }

    private mutating func render(
        _ nodes: [CompiledTemplate.Node], with object: Scope, indentation: String?, into output: inout String
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
    private mutating func lookUp(_ name: CompiledTemplate.Name) throws -> Any? {
        guard let first = name.parts.first else { return try Self.checked(stack[stack.count - 1].value) }
        var found: Any?
        var index = stack.count - 1
        // Scopes above the bottom one, innermost first (only the innermost for a leading dot).
        while index >= 1 {
            if let child = try stack[index].child(first) {
                found = child
                break
            }
            if !name.climbs { return nil }
            index -= 1
        }
        var scope: Scope
        if index == 0 {
            guard let rootScope = try rootScope(first, slot: name.slot) else { return nil }
            if name.parts.count == 1 { return rootScope.value }
            scope = rootScope
        } else {
            if name.parts.count == 1 { return found }
            scope = Scope(found!)
        }
        for part in name.parts.dropFirst() {
            guard let child = try scope.child(part) else { return nil }
            scope = Scope(child)
        }
        return scope.value
    }

    /// The bottom object's value named `name` (checked), as a scope, remembered by its slot.
    private mutating func rootScope(_ name: String, slot: Int) throws -> Scope? {
        if slot < root.count {
            switch root[slot] {
            case .present(let scope): return scope
            case .absent: return nil
            case .unknown: break
            }
        } else {
            root.append(contentsOf: repeatElement(.unknown, count: slot + 1 - root.count))
        }
        let scope = try stack[0].child(name).map(Scope.init)
        root[slot] = scope.map(RootValue.present) ?? .absent
        return scope
    }

    /// An object of the context stack, by the types of docgen's page data; a string, a number or
    /// a sequence has no named values (swift-mustache finds no labelled child in their mirrors).
    enum Scope {
        case dictionary([String: Any])
        case object(ContextObject)
        case strings([String: String])
        /// Any other value: looking a name up in it is checked (and fails on an unknown type).
        case other(Any)

        init(_ value: Any) {
            let type = type(of: value)
            if type == [String: Any].self {
                self = .dictionary(value as! [String: Any])
            } else if type == ContextObject.self {
                self = .object(value as! ContextObject)
            } else if type == [String: String].self {
                self = .strings(value as! [String: String])
            } else {
                self = .other(value)
            }
        }

        /// The object as a value.
        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .object(let object): object
            case .strings(let strings): strings
            case .other(let value): value
            }
        }

        /// A named value of the object, checked.
        func child(_ name: String) throws -> Any? {
            switch self {
            case .dictionary(let dictionary):
                guard let value = dictionary[name] else { return nil }
                return try checked(value)
            case .object(let object):
                guard let value = object.values[name] else { return nil }
                return try checked(value)
            case .strings(let strings):
                return strings[name]
            case .other(let value):
                _ = try checked(value)
                return nil
            }
        }
    }

    /// `value`, if it is of a type whose meaning here is known to be swift-mustache's: the
    /// types of docgen's page data, which `ContextObject.make` turns into the same values for
    /// swift-mustache.
    private static func checked(_ value: Any) throws -> Any {
        let type = type(of: value)
        guard
            type == String.self || type == [String: Any].self || type == Bool.self || type == Int.self
                || type == ContextObject.self || type == [String: String].self || type == [Any].self
                || type == [[String: Any]].self || type == [[String: String]].self || type == [String].self
                || type == [ContextObject].self
        else { throw CompiledTemplate.Unsupported() }
        return value
    }

    /// Renders `nodes` once with each element of `value` in scope, if it is a sequence (one of
    /// the sequence types `checked` lets through); `false` if it is not one.
    private mutating func renderElements(
        of value: Any, _ nodes: [CompiledTemplate.Node], indentation: String?, into output: inout String
    ) throws -> Bool {
        let type = type(of: value)
        if type == [[String: Any]].self {
            for element in value as! [[String: Any]] {
                try render(nodes, with: .dictionary(element), indentation: indentation, into: &output)
            }
        } else if type == [Any].self {
            for element in value as! [Any] {
                try render(nodes, with: Scope(element), indentation: indentation, into: &output)
            }
        } else if type == [[String: String]].self {
            for element in value as! [[String: String]] {
                try render(nodes, with: .strings(element), indentation: indentation, into: &output)
            }
        } else if type == [String].self {
            for element in value as! [String] {
                try render(nodes, with: .other(element), indentation: indentation, into: &output)
            }
        } else if type == [ContextObject].self {
            for element in value as! [ContextObject] {
                try render(nodes, with: .object(element), indentation: indentation, into: &output)
            }
        } else {
            return false
        }
        return true
    }

    /// Whether a sequence value is empty; `nil` when `value` is not a sequence.
    private static func isEmptySequence(_ value: Any) -> Bool? {
        let type = type(of: value)
        if type == [[String: Any]].self { return (value as! [[String: Any]]).isEmpty }
        if type == [Any].self { return (value as! [Any]).isEmpty }
        if type == [[String: String]].self { return (value as! [[String: String]]).isEmpty }
        if type == [String].self { return (value as! [String]).isEmpty }
        if type == [ContextObject].self { return (value as! [ContextObject]).isEmpty }
        return nil
    }
}
