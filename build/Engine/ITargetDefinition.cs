using System.Linq.Expressions;

namespace TvmBuild.Engine;

/// <summary>The fluent API of Nuke's <c>ITargetDefinition</c>.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);
    ITargetDefinition Executes(params Action[] actions);
    ITargetDefinition Executes<T>(Func<T> action);
    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets);
    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets);
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets);
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets);
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets);
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets);

    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>The parameter must be set (not null, not blank); checked before any target runs.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);
    /// <summary>A requirement that explains itself: returns null when met, else the message (with its hint).</summary>
    ITargetDefinition RequiresThat(Func<string?> check);

    ITargetDefinition ProceedAfterFailure();
    ITargetDefinition AssuredAfterFailure();
    ITargetDefinition Unlisted();

    /// <summary>What the target needs on the machine (or image) that runs it; see <see cref="IRequirement"/>.</summary>
    ITargetDefinition Needs(params IRequirement[] requirements);

    /// <summary>What its result depends on and leaves behind (<see cref="StepInputs"/>): when they are what a stored
    /// passed run had, the result is reused instead of running it. Null: not cached this run.</summary>
    ITargetDefinition Inputs(Func<StepInputs?> inputs);

    /// <summary>The target reads the arguments after a bare <c>--</c>: given when no planned target does, they are
    /// named as having no effect.</summary>
    ITargetDefinition TakesArguments();
}
