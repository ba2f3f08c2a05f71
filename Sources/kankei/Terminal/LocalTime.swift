import Foundation

/// Times as the terminal shows them to a coordinator: local `yyyy-MM-dd HH:mm:ss`.
enum LocalTime {
    static func text(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
