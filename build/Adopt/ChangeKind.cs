namespace TvmBuild.Adopt;

/// <summary>What a change does to one path of the TVM tree.</summary>
public enum ChangeKind
{
    /// <summary>A file of tvm-build's home (copied or generated).</summary>
    Write,
    /// <summary>TVM's file with a part Adopt keeps in it (.gitignore's block, the guide's toctree entry).</summary>
    Edit,
    /// <summary>--retire: a forwarder at a path people type, printing and running the new command.</summary>
    Forward,
    /// <summary>--retire: TVM's file with its mentions of removed paths updated.</summary>
    Rewrite,
    /// <summary>--retire: a file the build replaces (or a file of an older home that is gone).</summary>
    Remove,
}
