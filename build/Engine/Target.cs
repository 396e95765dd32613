namespace TvmBuild.Engine;

/// <summary>A target is a property of this type; its name is the property's name (Nuke's model).</summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
