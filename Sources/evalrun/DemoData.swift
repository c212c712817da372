/// The bundled demo exports (fictional people): the files of `datasets/demo`, embedded
/// in the executable as SwiftPM resources (`Sources/evalrun/Resources/demo` links to
/// them; `demoFiles` in Package.swift names the same files), so `evalrun demo` runs
/// from any folder and from an installed binary.
enum DemoData {
    static let files: [(name: String, bytes: [UInt8])] = [
        ("attendance.csv", PackageResources.attendance_csv),
        ("confronto.csv", PackageResources.confronto_csv),
        ("esiti.csv", PackageResources.esiti_csv),
        ("esiti_confronto.csv", PackageResources.esiti_confronto_csv),
        ("gruppi.csv", PackageResources.gruppi_csv),
        ("incontri.csv", PackageResources.incontri_csv),
        ("participants.csv", PackageResources.participants_csv),
        ("questionnaires.csv", PackageResources.questionnaires_csv),
        ("servizi.csv", PackageResources.servizi_csv),
    ]
}
