using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;
using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>The output folder as ASP.NET's static files see it, with one rule more than PhysicalFileProvider's: a file
/// is there only when its real path (every symbolic link along it resolved) lies under the folder's real path, so a
/// link in the built pages never serves /etc/passwd or a sibling folder.</summary>
public sealed class ContainedFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files = new(root);

    public string Root => _files.Root;

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _files.GetFileInfo(subpath);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is not { } path) return file;
        var real = RealPath.Of(path);
        return real is not null && RealPath.IsInside(real, Root)
            ? new PhysicalFileInfo(new FileInfo(real))
            : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => _files.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _files.Dispose();
}
