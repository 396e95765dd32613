namespace TvmBuild.Lint;

/// <summary>requirements-txt-fixer (pre-commit-hooks v5) on bytes: requirements sorted by name, the comments above one
/// travel with it, duplicates and <c>pkg-resources==0.0.0</c> dropped, a missing final newline added.</summary>
public static class RequirementsTxt
{
    private sealed class Requirement
    {
        public byte[]? Value { get; set; }
        public List<byte[]> Comments { get; } = [];

        /// <summary>A line ending in a backslash continues on the next one.</summary>
        public bool IsComplete => Value is not null && !Value.AsSpan().TrimEnd("\r\n"u8).EndsWith("\\"u8);

        public bool IsTopComment => Value is [(byte)'\n'];

        /// <summary>The hook's sort key: lower-cased, the <c>#egg=</c> name of a URL, else up to a separator and a
        /// version comparison.</summary>
        public byte[] Name
        {
            get
            {
                var name = Value!.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b).ToArray();
                foreach (var egg in new[] { "#egg="u8.ToArray(), "&egg="u8.ToArray() })
                    if (Value!.AsSpan().IndexOf(egg) >= 0) return name[(name.AsSpan().IndexOf(egg) + egg.Length)..];
                var end = 0;
                while (end < name.Length && name[end] != ';' && !ByteLines.IsSpace(name[end])) end++;
                for (var i = 0; i < end; i++)
                {
                    var pair = i + 1 < end && name[i + 1] == '=' && name[i] is (byte)'=' or (byte)'!' or (byte)'~';
                    if (pair || name[i] is (byte)'<' or (byte)'>') return name[..i]; // ==, !=, ~=, <, <=, >, >=
                }
                return name[..end];
            }
        }
    }

    /// <summary>The file as the hook writes it: the same bytes when there is nothing to fix.</summary>
    public static byte[] Sorted(byte[] before)
    {
        if (before.All(ByteLines.IsSpace)) return before;
        var lines = ByteLines.Split(before);
        if (lines[^1][^1] != '\n') lines[^1] = [.. lines[^1], (byte)'\n'];

        var requirements = new List<Requirement>();
        foreach (var line in lines)
        {
            if (requirements.Count == 0 || requirements[^1].IsComplete) requirements.Add(new Requirement());
            var requirement = requirements[^1];
            var blank = line.All(ByteLines.IsSpace);
            if (requirements.Count == 1 && blank)
            {
                // A blank line after a comment at the top ends the file's header, which stays first.
                if (requirement.Comments is [[(byte)'#', ..], ..]) requirement.Value = [(byte)'\n'];
                else requirement.Comments.Add(line);
            }
            else if (blank || line.SkipWhile(ByteLines.IsSpace).FirstOrDefault() == '#') requirement.Comments.Add(line);
            else requirement.Value = requirement.Value is null ? line : [.. requirement.Value, .. line];
        }
        List<byte[]> rest = [];
        if (requirements[^1].Value is null)
        {
            rest = requirements[^1].Comments;
            requirements.RemoveAt(requirements.Count - 1);
        }
        requirements.RemoveAll(r => r.Value!.AsSpan().SequenceEqual("pkg-resources==0.0.0\n"u8) ||
                                    r.Value!.AsSpan().SequenceEqual("pkg_resources==0.0.0\n"u8));

        var after = new List<byte[]>();
        Requirement? previous = null;
        foreach (var requirement in requirements.OrderBy(r => r, Comparer<Requirement>.Create(Compare)))
        {
            after.AddRange(requirement.Comments);
            if (previous is not null && requirement.Value!.AsSpan().SequenceEqual(previous.Value)) continue;
            after.Add(requirement.Value!);
            previous = requirement;
        }
        after.AddRange(rest);
        return ByteLines.Concat(after);
    }

    /// <summary>The hook's <c>__lt__</c>: the header first, then by name; of two with one name, the one with
    /// comments.</summary>
    private static int Compare(Requirement? a, Requirement? b)
    {
        if (a!.IsTopComment || b!.IsTopComment) return a.IsTopComment == b!.IsTopComment ? 0 : a.IsTopComment ? -1 : 1;
        var (nameA, nameB) = (a.Name, b.Name);
        if (nameA.AsSpan().SequenceEqual(nameB)) return (b.Comments.Count > 0).CompareTo(a.Comments.Count > 0);
        return nameA.AsSpan().SequenceCompareTo(nameB);
    }
}
