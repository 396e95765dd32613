namespace TvmBuild.Tests.Support;

/// <summary>Throw-away TVM-shaped trees for tests that change the tree.</summary>
public static class Trees
{
    /// <summary>A copy of tests/fixtures/tvm (without build output) in a temporary folder.</summary>
    public static string CopyFixture()
    {
        var target = Path.Combine(BuildScript.TempDirectory("tvm-fixture-"), "tvm");
        Copy(new DirectoryInfo(BuildScript.Fixture), target);
        return target;
    }

    /// <summary>The fixture reshaped to the 2022 layout: a root Makefile, task_python_integration.sh, Relay and
    /// version.py, no tvm-ffi; without the fixture's (main-style) cpu script, so that every preset is v0.9.0's data,
    /// as in a tree that Adopt --retire removed the scripts from.</summary>
    public static string CopyFixtureAsV090()
    {
        var tree = CopyFixture();
        Directory.Delete(Path.Combine(tree, "3rdparty", "tvm-ffi"), recursive: true);
        File.Delete(Path.Combine(tree, "tests", "scripts", "task_config_build_cpu.sh"));
        File.WriteAllText(Path.Combine(tree, "Makefile"), "all:\n\t@echo fixture\n");
        File.WriteAllText(Path.Combine(tree, "tests", "scripts", "task_python_integration.sh"), "#!/bin/sh\n");
        Directory.CreateDirectory(Path.Combine(tree, "python", "tvm", "relay"));
        File.WriteAllText(Path.Combine(tree, "python", "tvm", "relay", "__init__.py"), "");
        File.WriteAllText(Path.Combine(tree, "version.py"), "");
        return tree;
    }

    /// <summary>A fixture folder copied into a tree (everything, build-like names too).</summary>
    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(source))
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles()) file.CopyTo(Path.Combine(target, file.Name));
        foreach (var directory in source.EnumerateDirectories()
                     .Where(d => !d.Name.StartsWith("build") && d.Name != "__pycache__"))
            Copy(directory, Path.Combine(target, directory.Name));
    }
}
