import KankeiModel
import Testing
@testable import KankeiNormalize

@Suite("Splitting multiple answers against the known options")
struct OptionSplitterTests {
    let options = ["地方自治体との連携に関心があったから", "SDGs, ESGの取組に関心があったから", "SDGs", "その他"]

    @Test("an option that itself contains \", \" stays whole (longest first)")
    func optionWithComma() {
        let split = OptionSplitter(options: options).split("地方自治体との連携に関心があったから, SDGs, ESGの取組に関心があったから")
        #expect(split.chosen == [0, 1])
        #expect(split.unlisted.isEmpty)
    }

    @Test("a shorter option is still found when the longer one does not follow")
    func shorterOption() {
        #expect(OptionSplitter(options: options).split("SDGs, 地方自治体との連携に関心があったから").chosen == [2, 0])
    }

    @Test("\";\" joins (Forms download, Microsoft Forms' trailing \";\") and width differences")
    func semicolonsAndWidth() {
        let split = OptionSplitter(options: options).split("ＳＤＧｓ，　ＥＳＧの取組に関心があったから;地方自治体との連携に関心があったから;")
        #expect(split.chosen == [1, 0])
    }

    @Test("text that matches no option is kept, in its own spelling, with its inner \", \"")
    func unlistedKept() {
        let split = OptionSplitter(options: options).split("SDGs, 議会で話題になった, 首長の指示, 地方自治体との連携に関心があったから")
        #expect(split.chosen == [2, 0])
        #expect(split.unlisted == ["議会で話題になった, 首長の指示"])
    }

    @Test("an option chosen twice counts once")
    func duplicates() {
        #expect(OptionSplitter(options: options).split("SDGs; SDGs").chosen == [2])
    }

    @Test("pieces: a thousands separator is not a separator; Qualtrics' bare comma is")
    func pieces() {
        #expect(OptionSplitter.pieces("1,000人規模, 小規模").map(\.text) == ["1,000人規模", "小規模"])
        #expect(OptionSplitter.pieces("関係人口の創出に関心があった,その他").map(\.text) == ["関係人口の創出に関心があった", "その他"])
    }

    @Test("pieces: never cut inside brackets or quotes (ASCII and full-width); a bracket never closed protects nothing")
    func brackets() {
        #expect(OptionSplitter.pieces("中距離 (800m, 1500m), 長距離 (5000m, 10000m)").map(\.text) == ["中距離 (800m, 1500m)", "長距離 (5000m, 10000m)"])
        #expect(OptionSplitter.pieces("「A, B」の両方, 『C；D』, \"E, F\", 【G，H】").map(\.text) == ["「A, B」の両方", "『C；D』", "\"E, F\"", "【G，H】"])
        #expect(OptionSplitter.pieces("（注, 閉じない, 次").map(\.text) == ["（注", "閉じない", "次"])
    }

    @Test("options that differ only in case stay apart; a spelling no option has still matches regardless of case")
    func caseKept() {
        let splitter = OptionSplitter(options: ["UniversityCourse", "universityCourse", "UC"])
        #expect(splitter.split("universityCourse;UC").chosen == [1, 2])
        #expect(splitter.split("UniversityCourse").chosen == [0])
        #expect(OptionSplitter(options: ["Zoom"]).split("zoom").chosen == [0])
        let reader = AnswerReader(question: Question(id: "q", text: "q", label: "q", type: .single, options: ["UniversityCourse", "universityCourse"]))
        #expect(reader.answer(.text("universityCourse"))?.choices == ["universityCourse"])
    }

    @Test("Qualtrics joins choices with a bare comma; an option holding a comma still matches whole")
    func bareComma() {
        let options = ["Zoom,Teams", "対面", "その他"]
        let split = OptionSplitter(options: options).split("対面,Zoom,Teams,自由記述")
        #expect(split.chosen == [1, 0])
        #expect(split.unlisted == ["自由記述"])
    }
}

@Suite("Canonical answers")
struct AnswerReaderTests {
    @Test("a multiple answer outside the options counts under 「その他」 with its text kept")
    func otherOption() {
        let question = Question(id: "q", text: "q", label: "q", type: .multiple, options: ["A", "B", "その他"], otherOption: "その他")
        let answer = AnswerReader(question: question).answer("B, 議会で話題になったため")
        #expect(answer == Answer(question: "q", choices: ["B", "その他"], text: "議会で話題になったため"))
    }

    @Test("a cell holding only separators is no answer, the first time and when remembered")
    func onlySeparators() {
        let reader = AnswerReader(question: Question(id: "q", text: "q", label: "q", type: .multiple, options: ["A"]))
        #expect(reader.answer(";") == nil)
        #expect(reader.answer(";") == nil)
        #expect(reader.answer("A;") == Answer(question: "q", choices: ["A"]))
        #expect(reader.answer("A;") == Answer(question: "q", choices: ["A"]))
    }

    @Test("without 「その他」 an unknown answer is its own label, never dropped")
    func ownLabel() {
        let question = Question(id: "q", text: "q", label: "q", type: .multiple, options: ["A", "B"])
        #expect(AnswerReader(question: question).answer("A, C")?.choices == ["A", "C"])
    }

    @Test("a single answer matches by key (width, spaces) and is never split")
    func single() {
        let question = Question(id: "q", text: "q", label: "q", type: .single, options: ["関心あり", "A, B"])
        let reader = AnswerReader(question: question)
        #expect(reader.answer(" 関心 あり ")?.choices == ["関心あり"])
        #expect(reader.answer("A, B")?.choices == ["A, B"])
        #expect(reader.answer("  ") == nil)
    }
}
