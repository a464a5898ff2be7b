/// Which texts can be read as Unicode scalars instead of `Character`s with the same answers.
public enum ScalarText {
    /// Whether every scalar of the text is a whole character, answered from its bytes for the
    /// scalars that never join the one before or after: those below U+0300 (where the combining
    /// marks start) but the carriage return, which joins a line feed, and the dashes, quotes,
    /// spaces and marks of U+2010…U+205E (general punctuation, without the joiners that come
    /// before it). A character made of one scalar has that scalar's properties.
    public static func isOneScalarPerCharacter(_ text: String) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
            } else if byte >= 0xC2 && byte <= 0xCB {
                // U+0080…U+02FF: the lead byte says all; its continuation byte follows.
                index = bytes.index(after: index)
            } else if byte == 0xE2 {
                // U+2010…U+203F is E2 80 90…BF, U+2040…U+205E is E2 81 80…9E.
                let second = bytes.index(after: index)
                let third = bytes.index(after: second)
                let (middle, last) = (bytes[second], bytes[third])
                guard (middle == 0x80 && last >= 0x90) || (middle == 0x81 && last <= 0x9E) else { return false }
                index = third
            } else {
                return false
            }
            index = bytes.index(after: index)
        }
        return true
    }
}
