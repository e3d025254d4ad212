/// NLTK's `PorterStemmer()` in its default `NLTK_EXTENSIONS` mode, the stemmer rouge-score uses.
///
/// Porter (1980) with Martin Porter's later changes and NLTK's own: an irregular-word table
/// consulted first, `ies`/`ied` on four-letter words, `y → i` only after a consonant, the
/// `alli`, `fulli` and `logi` rules of step 2, and `cvc` also true for two-letter words.
/// Letters other than a, e, i, o, u (digits and non-ASCII included) are consonants; `y` is a
/// consonant at the start of a word or after a vowel.
public struct PorterStemmer: Sendable {
    /// Creates the stemmer.
    public init() {}

    /// The stem of `word`, which is first lowercased as Python's `str.lower()` does.
    public func stem(_ word: String) -> String {
        let original = Array(word.unicodeScalars)
        let lowered = PythonText.lowercased(original)
        let stemmed = stem(letters: lowered.map(\.value), originalLength: original.count)
        var view = String.UnicodeScalarView()
        for value in stemmed { view.append(Unicode.Scalar(value)!) }
        return String(view)
    }

    /// The stem of an already lowercased word given as scalar values.
    ///
    /// `originalLength` is the word's length before lowercasing: NLTK leaves words of at most
    /// two characters alone, measured on the word it was given.
    public func stem(letters: [UInt32], originalLength: Int) -> [UInt32] {
        if let irregular = PorterStemmer.irregularForms[letters] { return irregular }
        if originalLength <= 2 { return letters }
        var word = PorterWord(letters: letters)
        word.step1a()
        word.step1b()
        word.step1c()
        word.step2()
        word.step3()
        word.step4()
        word.step5a()
        word.step5b()
        return word.letters
    }

    /// NLTK's table of irregular forms, looked up before any rule runs.
    private static let irregularForms: [[UInt32]: [UInt32]] = {
        let forms: [(stem: String, words: [String])] = [
            ("sky", ["sky", "skies"]), ("die", ["dying"]), ("lie", ["lying"]), ("tie", ["tying"]),
            ("news", ["news"]), ("inning", ["innings", "inning"]), ("outing", ["outings", "outing"]),
            ("canning", ["cannings", "canning"]), ("howe", ["howe"]), ("proceed", ["proceed"]),
            ("exceed", ["exceed"]), ("succeed", ["succeed"]),
        ]
        var table: [[UInt32]: [UInt32]] = [:]
        for (stem, words) in forms {
            for word in words { table[letterValues(word)] = letterValues(stem) }
        }
        return table
    }()
}

/// The scalar values of an ASCII literal.
private func letterValues(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}

/// A suffix rule: replace `suffix` by `replacement` when `condition` holds for what precedes it.
private struct SuffixRule {
    let suffix: [UInt32]
    let replacement: [UInt32]
    let condition: Condition

    enum Condition {
        case always
        case measureAbove(Int)
        case measureAboveOneAfterSOrT
        case logiStem
    }

    init(_ suffix: String, _ replacement: String, _ condition: Condition) {
        self.suffix = letterValues(suffix)
        self.replacement = letterValues(replacement)
        self.condition = condition
    }
}

/// A word being stemmed, with the predicates of Porter's paper over prefixes of it.
private struct PorterWord {
    var letters: [UInt32]

    private static let a: UInt32 = 0x61, e: UInt32 = 0x65, i: UInt32 = 0x69
    private static let o: UInt32 = 0x6F, u: UInt32 = 0x75, y: UInt32 = 0x79
    private static let l: UInt32 = 0x6C, s: UInt32 = 0x73, z: UInt32 = 0x7A
    private static let t: UInt32 = 0x74, w: UInt32 = 0x77, x: UInt32 = 0x78

    private static func isVowelLetter(_ letter: UInt32) -> Bool {
        letter == a || letter == e || letter == i || letter == o || letter == u
    }

    /// Whether `letters[index]` is a consonant; a run of `y`s alternates from the letter before it.
    private func isConsonant(_ index: Int) -> Bool {
        let letter = letters[index]
        if PorterWord.isVowelLetter(letter) { return false }
        if letter != PorterWord.y { return true }
        var position = index
        var negate = false
        while position > 0 && letters[position] == PorterWord.y {
            negate.toggle()
            position -= 1
        }
        return PorterWord.isVowelLetter(letters[position]) == negate
    }

    /// m, the number of vowel-consonant sequences in the first `length` letters.
    private func measure(_ length: Int) -> Int {
        var count = 0
        var previousIsConsonant = true
        var previousWasVowel = false
        for index in 0..<length {
            let letter = letters[index]
            let consonant: Bool
            if PorterWord.isVowelLetter(letter) {
                consonant = false
            } else if letter == PorterWord.y {
                consonant = index == 0 ? true : !previousIsConsonant
            } else {
                consonant = true
            }
            if consonant && previousWasVowel { count += 1 }
            previousWasVowel = !consonant
            previousIsConsonant = consonant
        }
        return count
    }

    /// *v*: the first `length` letters contain a vowel.
    private func containsVowel(_ length: Int) -> Bool {
        var previousIsConsonant = true
        for index in 0..<length {
            let letter = letters[index]
            let consonant: Bool
            if PorterWord.isVowelLetter(letter) {
                consonant = false
            } else if letter == PorterWord.y {
                consonant = index == 0 ? true : !previousIsConsonant
            } else {
                consonant = true
            }
            if !consonant { return true }
            previousIsConsonant = consonant
        }
        return false
    }

    /// *d: the first `length` letters end with a double consonant.
    private func endsDoubleConsonant(_ length: Int) -> Bool {
        length >= 2 && letters[length - 1] == letters[length - 2] && isConsonant(length - 1)
    }

    /// *o: the first `length` letters end consonant-vowel-consonant, the last not w, x or y
    /// (NLTK also accepts a two-letter vowel-consonant word).
    private func endsConsonantVowelConsonant(_ length: Int) -> Bool {
        if length >= 3 && isConsonant(length - 3) && !isConsonant(length - 2) && isConsonant(length - 1) {
            let last = letters[length - 1]
            if last != PorterWord.w && last != PorterWord.x && last != PorterWord.y { return true }
        }
        return length == 2 && !isConsonant(0) && isConsonant(1)
    }

    private func endsWith(_ suffix: [UInt32]) -> Bool {
        guard suffix.count <= letters.count else { return false }
        return letters[(letters.count - suffix.count)...].elementsEqual(suffix)
    }

    private func endsWith(_ suffix: String) -> Bool {
        endsWith(letterValues(suffix))
    }

    private mutating func replaceSuffix(length suffixLength: Int, with replacement: String) {
        letters.removeLast(suffixLength)
        letters.append(contentsOf: letterValues(replacement))
    }

    private func holds(_ condition: SuffixRule.Condition, stemLength: Int) -> Bool {
        switch condition {
        case .always:
            return true
        case .measureAbove(let bound):
            return measure(stemLength) > bound
        case .measureAboveOneAfterSOrT:
            return measure(stemLength) > 1
                && (letters[stemLength - 1] == PorterWord.s || letters[stemLength - 1] == PorterWord.t)
        case .logiStem:
            // NLTK measures the word without "ogi", i.e. the stem plus its "l".
            return measure(stemLength + 1) > 0
        }
    }

    /// Applies the first rule whose suffix matches; a failed condition stops the list.
    private mutating func applyFirstMatching(_ rules: [SuffixRule]) {
        for rule in rules where endsWith(rule.suffix) {
            let stemLength = letters.count - rule.suffix.count
            if holds(rule.condition, stemLength: stemLength) {
                letters.removeLast(rule.suffix.count)
                letters.append(contentsOf: rule.replacement)
            }
            return
        }
    }

    mutating func step1a() {
        if endsWith("ies") && letters.count == 4 {
            replaceSuffix(length: 3, with: "ie")
            return
        }
        applyFirstMatching(PorterWord.step1aRules)
    }

    mutating func step1b() {
        if endsWith("ied") {
            replaceSuffix(length: 3, with: letters.count == 4 ? "ie" : "i")
            return
        }
        if endsWith("eed") {
            if measure(letters.count - 3) > 0 { letters.removeLast() }
            return
        }
        var stemLength: Int?
        for suffixLength in [2, 3] where endsWith(suffixLength == 2 ? "ed" : "ing") {
            if containsVowel(letters.count - suffixLength) {
                stemLength = letters.count - suffixLength
                break
            }
        }
        guard let stemLength else { return }
        letters.removeLast(letters.count - stemLength)
        if endsWith("at") || endsWith("bl") || endsWith("iz") {
            letters.append(PorterWord.e)
        } else if endsDoubleConsonant(letters.count) {
            let last = letters[letters.count - 1]
            if last != PorterWord.l && last != PorterWord.s && last != PorterWord.z {
                letters.removeLast()
            }
        } else if measure(letters.count) == 1 && endsConsonantVowelConsonant(letters.count) {
            letters.append(PorterWord.e)
        }
    }

    mutating func step1c() {
        guard endsWith("y") else { return }
        let stemLength = letters.count - 1
        if stemLength > 1 && isConsonant(stemLength - 1) {
            letters[stemLength] = PorterWord.i
        }
    }

    mutating func step2() {
        if endsWith("alli") && measure(letters.count - 4) > 0 {
            replaceSuffix(length: 4, with: "al")
            step2()
            return
        }
        applyFirstMatching(PorterWord.step2Rules)
    }

    mutating func step3() { applyFirstMatching(PorterWord.step3Rules) }

    mutating func step4() { applyFirstMatching(PorterWord.step4Rules) }

    mutating func step5a() {
        guard endsWith("e") else { return }
        let stemLength = letters.count - 1
        let stemMeasure = measure(stemLength)
        if stemMeasure > 1 || (stemMeasure == 1 && !endsConsonantVowelConsonant(stemLength)) {
            letters.removeLast()
        }
    }

    mutating func step5b() {
        // NLTK measures the word without its last letter, which is also the result.
        if endsWith("ll") && measure(letters.count - 1) > 1 {
            letters.removeLast()
        }
    }

    private static let step1aRules = [
        SuffixRule("sses", "ss", .always), SuffixRule("ies", "i", .always),
        SuffixRule("ss", "ss", .always), SuffixRule("s", "", .always),
    ]

    private static let step2Rules = [
        SuffixRule("ational", "ate", .measureAbove(0)), SuffixRule("tional", "tion", .measureAbove(0)),
        SuffixRule("enci", "ence", .measureAbove(0)), SuffixRule("anci", "ance", .measureAbove(0)),
        SuffixRule("izer", "ize", .measureAbove(0)), SuffixRule("bli", "ble", .measureAbove(0)),
        SuffixRule("alli", "al", .measureAbove(0)), SuffixRule("entli", "ent", .measureAbove(0)),
        SuffixRule("eli", "e", .measureAbove(0)), SuffixRule("ousli", "ous", .measureAbove(0)),
        SuffixRule("ization", "ize", .measureAbove(0)), SuffixRule("ation", "ate", .measureAbove(0)),
        SuffixRule("ator", "ate", .measureAbove(0)), SuffixRule("alism", "al", .measureAbove(0)),
        SuffixRule("iveness", "ive", .measureAbove(0)), SuffixRule("fulness", "ful", .measureAbove(0)),
        SuffixRule("ousness", "ous", .measureAbove(0)), SuffixRule("aliti", "al", .measureAbove(0)),
        SuffixRule("iviti", "ive", .measureAbove(0)), SuffixRule("biliti", "ble", .measureAbove(0)),
        SuffixRule("fulli", "ful", .measureAbove(0)), SuffixRule("logi", "log", .logiStem),
    ]

    private static let step3Rules = [
        SuffixRule("icate", "ic", .measureAbove(0)), SuffixRule("ative", "", .measureAbove(0)),
        SuffixRule("alize", "al", .measureAbove(0)), SuffixRule("iciti", "ic", .measureAbove(0)),
        SuffixRule("ical", "ic", .measureAbove(0)), SuffixRule("ful", "", .measureAbove(0)),
        SuffixRule("ness", "", .measureAbove(0)),
    ]

    private static let step4Rules = [
        SuffixRule("al", "", .measureAbove(1)), SuffixRule("ance", "", .measureAbove(1)),
        SuffixRule("ence", "", .measureAbove(1)), SuffixRule("er", "", .measureAbove(1)),
        SuffixRule("ic", "", .measureAbove(1)), SuffixRule("able", "", .measureAbove(1)),
        SuffixRule("ible", "", .measureAbove(1)), SuffixRule("ant", "", .measureAbove(1)),
        SuffixRule("ement", "", .measureAbove(1)), SuffixRule("ment", "", .measureAbove(1)),
        SuffixRule("ent", "", .measureAbove(1)), SuffixRule("ion", "", .measureAboveOneAfterSOrT),
        SuffixRule("ou", "", .measureAbove(1)), SuffixRule("ism", "", .measureAbove(1)),
        SuffixRule("ate", "", .measureAbove(1)), SuffixRule("iti", "", .measureAbove(1)),
        SuffixRule("ous", "", .measureAbove(1)), SuffixRule("ive", "", .measureAbove(1)),
        SuffixRule("ize", "", .measureAbove(1)),
    ]
}
