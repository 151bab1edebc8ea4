import Foundation
import PlanModel

extension XSDSchema {
    /// The lenient MSPDI schema `validate` checks input against: every element MS Project
    /// 2002–2019 writes, in any order, with their value types.
    public static let mspdiLenient: XSDSchema? = bundled("mspdi-lenient.xsd")
    /// The strict schema: MS Project's element order too; what our writer must produce.
    public static let mspdiStrict: XSDSchema? = bundled("mspdi.xsd")

    static func bundled(_ name: String) -> XSDSchema? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Schemas"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? XSDSchema(bytes: [UInt8](data), name: name)
    }
}
