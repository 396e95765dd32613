using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>The file that names a ref's CI images (ci_cpu → tlcpack/ci-cpu:TAG), and how to read it.</summary>
public sealed class ImageTable
{
    public string File { get; set; } = "ci/jenkins/docker-images.ini";
    public ImageTableFormat Format { get; set; } = ImageTableFormat.Ini;
    /// <summary>The table to read when the tree lacks <see cref="File"/> (e.g. v0.10.0's Jenkinsfile before
    /// ci/jenkins/docker-images.ini, where <c>Adopt --retire</c> moves it).</summary>
    public ImageTable? Else { get; set; }

    /// <summary>The first table of the chain whose file the tree has; this one when it has none.</summary>
    public ImageTable In(AbsolutePath tvm)
    {
        for (var table = this; table is not null; table = table.Else)
            if ((tvm / table.File).FileExists()) return table;
        return this;
    }
}
