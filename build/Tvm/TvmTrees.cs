using TvmBuild.Engine;

namespace TvmBuild.Tvm;

public static class TvmTrees
{
    /// <summary>--tvm-home or TVM_HOME when given; else the build's root when it is a TVM tree (tvm-build adopted into
    /// it); else the TVM tree holding the current directory (a separate checkout's build.sh run from inside
    /// ~/tvm). Null when none is found.</summary>
    public static TvmTree? Find(AbsolutePath? given, string? givenFrom, AbsolutePath buildRoot, string currentDirectory)
    {
        if (given is not null) return new TvmTree(given, givenFrom == "the command line" ? "--tvm-home"
            : givenFrom ?? "--tvm-home");
        if (Layouts.IsTvmTree(buildRoot)) return new TvmTree(buildRoot,
            "the build's root: tvm-build lives in this checkout");
        for (var folder = new DirectoryInfo(currentDirectory); folder is not null; folder = folder.Parent)
            if (Layouts.IsTvmTree(AbsolutePath.Create(folder.FullName)))
                return new TvmTree(AbsolutePath.Create(folder.FullName), "it holds the current directory");
        return null;
    }
}
