import sys
root = sys.argv[1]
js = open(root + '/Templates/assets/flowchart.js').read()
css = open(root + '/Templates/assets/flowchart.css').read()
assert '"""##' not in js + css
out = '''// swift-format-ignore-file
// Generated from Templates/assets/flowchart.js and flowchart.css; do not edit by hand.
// Re-generate with `DOCGEN_RECORD=1 swift test --filter DocGenFlowchartTests` after editing them.

/// The widget's script and style sheet, embedded so that `docgen flow --format html` writes a
/// standalone page from any folder. The site copies the same files from `Templates/assets/`.
public enum FlowAssets {
    /// `Templates/assets/flowchart.js`.
    public static let script = ##"""
''' + js + '''
"""##

    /// `Templates/assets/flowchart.css`.
    public static let styleSheet = ##"""
''' + css + '''
"""##
}
'''
open(root + '/Sources/DocGenFlowchart/FlowAssets.swift', 'w').write(out)
