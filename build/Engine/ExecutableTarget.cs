namespace TvmBuild.Engine;

/// <summary>A target of this build with its definition resolved and its run state.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, Type declaringType, Target factory, TargetDefinition definition,
        bool isDefault)
    {
        Name = name;
        DeclaringType = declaringType;
        Factory = factory;
        Definition = definition;
        IsDefault = isDefault;
    }

    public string Name { get; }
    /// <summary>The build class or the component interface that declares it.</summary>
    public Type DeclaringType { get; }
    public Target Factory { get; }
    internal TargetDefinition Definition { get; }
    public bool IsDefault { get; }
    public string? Description => Definition.DescriptionText;
    public bool Listed => !Definition.IsUnlisted;
    public bool IsCollective => Definition.Actions.Count == 0;
    /// <summary>What it declared with <c>.Inputs(...)</c>, evaluated now; null when it declared none.</summary>
    public StepInputs? DeclaredInputs() => Definition.InputsFactory?.Invoke();
    /// <summary>What it declared with <c>Needs(...)</c>.</summary>
    public IReadOnlyList<IRequirement> Needs => Definition.Needed;

    public List<ExecutableTarget> ExecutionDependencies { get; } = [];
    public List<ExecutableTarget> OrderDependencies { get; } = [];
    public List<ExecutableTarget> Triggers { get; } = [];
    public List<ExecutableTarget> TriggeredBy { get; } = [];

    /// <summary>Its execution dependencies and theirs, each once.</summary>
    public IReadOnlySet<ExecutableTarget> TransitiveDependencies
    {
        get
        {
            var seen = new HashSet<ExecutableTarget>();
            var stack = new Stack<ExecutableTarget>(ExecutionDependencies);
            while (stack.TryPop(out var next))
                if (seen.Add(next))
                    foreach (var more in next.ExecutionDependencies) stack.Push(more);
            return seen;
        }
    }

    /// <summary>Every target that must come first when both are planned.</summary>
    public IEnumerable<ExecutableTarget> AllDependencies =>
        ExecutionDependencies.Concat(OrderDependencies).Concat(TriggeredBy);

    public ExecutionStatus Status { get; internal set; } = ExecutionStatus.None;
    public TimeSpan Duration { get; internal set; }
    public string? SkipReason { get; internal set; }
    public string? FailureSummary { get; internal set; }
    /// <summary>A word for the summary table about a target that passed (its result was reused).</summary>
    public string? Note { get; internal set; }
    public bool Invoked { get; internal set; }

    public override string ToString() => Name;
}
