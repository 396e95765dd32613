using System.Linq.Expressions;

namespace TvmBuild.Engine;

/// <summary>What a target's lambda declared. Relations are kept as thunks over the build instance so that
/// component links (<c>DependsOn&lt;IConfigure&gt;(x => x.Configure)</c>) resolve once every target is known.</summary>
internal sealed class TargetDefinition(object build) : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Func<Task>> Actions { get; } = [];
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Expression<Func<bool>>> StaticConditions { get; } = [];
    public List<Expression<Func<bool>>> DynamicConditions { get; } = [];
    public List<Func<string?>> Requirements { get; } = [];
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }
    public List<IRequirement> Needed { get; } = [];
    public bool IsTakingArguments { get; private set; }
    public Func<StepInputs?>? InputsFactory { get; private set; }

    public ITargetDefinition Description(string description) { DescriptionText = description; return this; }

    public ITargetDefinition Executes(params Action[] actions)
    {
        foreach (var action in actions) Actions.Add(() => { action(); return Task.CompletedTask; });
        return this;
    }

    public ITargetDefinition Executes<T>(Func<T> action)
    {
        Actions.Add(async () => { if (action() is Task task) await task; });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action) { Actions.Add(action); return this; }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) =>
        Add(DependsOnTargets, targets, optional: false);
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) =>
        Add(DependsOnTargets, targets, optional: true);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) =>
        Add(DependentForTargets, targets, optional: false);
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) =>
        Add(DependentForTargets, targets, optional: true);
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) =>
        Add(AfterTargets, targets, optional: false);
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) =>
        Add(AfterTargets, targets, optional: true);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) =>
        Add(BeforeTargets, targets, optional: false);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) =>
        Add(BeforeTargets, targets, optional: true);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) =>
        Add(TriggersTargets, targets, optional: false);
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) =>
        Add(TriggersTargets, targets, optional: true);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) =>
        Add(TriggeredByTargets, targets, optional: false);
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) =>
        Add(TriggeredByTargets, targets, optional: true);

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions)
    {
        StaticConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions)
    {
        DynamicConditions.AddRange(conditions);
        return this;
    }


    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters)
    {
        foreach (var parameter in parameters)
            Requirements.Add(() => ExpressionText.IsSet(ExpressionText.Evaluate(parameter))
                ? null
                : ParameterService.MissingMessage(parameter));
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions)
    {
        foreach (var condition in conditions)
            Requirements.Add(() => ExpressionText.Evaluate(condition)
                ? null
                : $"Requirement not met: {ExpressionText.Of(condition)}");
        return this;
    }

    public ITargetDefinition RequiresThat(Func<string?> check) { Requirements.Add(check); return this; }

    public ITargetDefinition ProceedAfterFailure() { IsProceedAfterFailure = true; return this; }
    public ITargetDefinition AssuredAfterFailure() { IsAssuredAfterFailure = true; return this; }
    public ITargetDefinition Unlisted() { IsUnlisted = true; return this; }
    public ITargetDefinition Needs(params IRequirement[] requirements) { Needed.AddRange(requirements); return this; }
    public ITargetDefinition TakesArguments() { IsTakingArguments = true; return this; }
    public ITargetDefinition Inputs(Func<StepInputs?> inputs) { InputsFactory = inputs; return this; }

    private TargetDefinition Add(List<Target> list, Target[] targets) { list.AddRange(targets); return this; }

    private TargetDefinition Add<T>(List<Target> list, Func<T, Target>[] targets, bool optional)
    {
        if (build is T typed) list.AddRange(targets.Select(t => t(typed)));
        else if (!optional)
            throw new InvalidOperationException($"{build.GetType().Name} does not implement {typeof(T).Name}");
        return this;
    }
}
