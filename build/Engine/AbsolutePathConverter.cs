using System.ComponentModel;
using System.Globalization;

namespace TvmBuild.Engine;

internal sealed class AbsolutePathConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string);
    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        AbsolutePath.FromUser((string)value);
}
