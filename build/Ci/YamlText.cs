using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TvmBuild.Ci;

/// <summary>Writes nodes with YamlDotNet's emitter: deterministic bytes (no line folding, two-space indent, indented
/// sequences), comments where the model puts them.</summary>
public static class YamlText
{
    public static string Write(IEnumerable<string> headerLines, YMap root)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, true, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        foreach (var line in headerLines) emitter.Emit(new Comment(line, false));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YNode node)
    {
        switch (node)
        {
            case YScalar scalar:
                var plain = scalar.Style == ScalarStyle.Plain;
                emitter.Emit(new Scalar(null, null, scalar.Value, scalar.Style, plain, true));
                break;
            case YMap map:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case YSeq seq:
                emitter.Emit(new SequenceStart(null, null, true, seq.Flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in seq.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
        }
        if (node.Comment is { } comment) emitter.Emit(new Comment(comment, true));
    }
}
