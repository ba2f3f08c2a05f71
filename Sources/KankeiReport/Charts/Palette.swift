/// The charts' colours: dark enough to print in grey, told apart without colour by dash and marker.
enum Palette {
    static let bar = "#5b8fc9"
    static let strong = "#1f4e89"
    /// One colour per line of a line chart, in series order.
    static let lines = ["#1f4e89", "#c0504d", "#4f8a3c", "#8064a2"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]
}
