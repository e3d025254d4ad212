import Inference
import Testing

/// Streamed text must never show what a stop string later takes back, nor half a character,
/// and its pieces must put together to the generation's text.
@Suite("Text pieces for streaming")
struct TextDeltasTests {
    /// The pieces `TextDeltas` hands out for `tokens`, then the rest given the final text.
    private func pieces(_ tokens: [String], stops: [String], finalText: String) -> [String] {
        var deltas = TextDeltas(stopStrings: stops)
        var result = tokens.map { deltas.append(Array($0.utf8)) }
        result.append(deltas.finish(finalText: finalText))
        return result
    }

    @Test("a stop string arriving over three tokens is held back, never shown")
    func stopStringHeldBack() {
        let got = pieces(["print(1)", "\n`", "``", "\nmore"], stops: ["\n```"], finalText: "print(1)")
        #expect(got == ["print(1)", "", "", "", ""])
        #expect(got.joined() == "print(1)")
    }

    @Test("a held-back prefix that turns out not to be a stop string is released")
    func falseAlarmReleased() {
        let got = pieces(["a\n", "`x", "y"], stops: ["\n```"], finalText: "a\n`xy")
        #expect(got == ["a", "\n`x", "y", ""])
    }

    @Test("a character whose bytes span tokens comes out whole")
    func splitCharacter() {
        var deltas = TextDeltas(stopStrings: [])
        let euro = Array("€".utf8)  // three bytes
        #expect(deltas.append([UInt8(ascii: "x"), euro[0]]) == "x")
        #expect(deltas.append([euro[1]]) == "")
        #expect(deltas.append([euro[2], UInt8(ascii: "!")]) == "€!")
        #expect(deltas.finish(finalText: "x€!") == "")
    }
}
