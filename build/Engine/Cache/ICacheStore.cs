namespace TvmBuild.Engine;

/// <summary>Where results are kept: named byte strings (<c>entries/&lt;key&gt;.json</c>, <c>blobs/&lt;sha256&gt;</c>).
/// A write is whole or absent (a reader never sees half of one); errors are exceptions the result cache turns into
/// one warning.</summary>
public interface ICacheStore
{
    /// <summary>How the user named it: local (the folder), s3://bucket/prefix, redis://host:port.</summary>
    string Name { get; }

    byte[]? Read(string name);
    void Write(string name, byte[] content);
    bool Exists(string name);

    /// <summary>Copies a stored object to <paramref name="file"/> (which it creates or replaces); false when
    /// absent.</summary>
    bool Download(string name, string file);
    void Upload(string name, string file);
}
