/// The answer to `GET /v1/models`.
public struct ModelList: Codable, Sendable, Equatable {
    /// One served model name.
    public struct Model: Codable, Sendable, Equatable {
        public var id: String
        public var object = "model"
        /// Seconds since 1970.
        public var created: Int
        public var ownedBy: String

        public init(id: String, created: Int, ownedBy: String = "proctor") {
            self.id = id
            self.created = created
            self.ownedBy = ownedBy
        }

        enum CodingKeys: String, CodingKey {
            case id, object, created
            case ownedBy = "owned_by"
        }
    }

    public var object = "list"
    public var data: [Model]

    public init(data: [Model]) { self.data = data }
}
