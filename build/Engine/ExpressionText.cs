using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TvmBuild.Engine;

/// <summary>Reads <c>() => Member</c> lambdas without compiling them (compiling costs start-up time),
/// and turns a condition into the text a user reads as a skip reason.</summary>
internal static partial class ExpressionText
{
    public static T Evaluate<T>(Expression<Func<T>> expression) => (T)Evaluate(expression.Body)!;

    private static object? Evaluate(Expression expression) => expression switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field } member =>
            field.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
        MemberExpression { Member: PropertyInfo property } member =>
            property.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
        UnaryExpression { NodeType: ExpressionType.Convert } convert when convert.Type == typeof(object) =>
            Evaluate(convert.Operand),
        // Interpreted: a condition is evaluated once, and a native build cannot compile code at run time.
        _ => Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object)))
            .Compile(preferInterpretation: true)(),
    };

    public static MemberInfo? MemberOf(LambdaExpression expression) => expression.Body switch
    {
        MemberExpression member => member.Member,
        UnaryExpression { Operand: MemberExpression member } => member.Member,
        _ => null,
    };

    public static bool IsSet(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count > 0,
        _ => true,
    };

    /// <summary><c>value(Build).IsLocalBuild</c> becomes <c>IsLocalBuild</c>.</summary>
    public static string Of(LambdaExpression expression) => Closure().Replace(expression.Body.ToString(), "");

    [GeneratedRegex(@"value\([^)]*\)\.|Convert\(|, Object\)")]
    private static partial Regex Closure();
}
