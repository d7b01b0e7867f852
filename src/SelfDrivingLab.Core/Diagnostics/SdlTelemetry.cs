using System.Diagnostics;

namespace SelfDrivingLab.Core.Diagnostics;

/// <summary>
/// The product's one telemetry name, <c>SelfDrivingLab</c>: of its <see cref="System.Diagnostics.Metrics.Meter"/> (made
/// through <c>IMeterFactory</c>) and of its <see cref="ActivitySource"/>. Each experiment is one trace: a root
/// <c>sdl.experiment</c> activity from its proposal to its stored result, with <c>sdl.propose</c>, one <c>sdl.command</c>
/// per instrument command and <c>sdl.store</c> below it.
/// </summary>
public static class SdlTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "SelfDrivingLab";

    /// <summary>The activity source (process-wide, as .NET tracing intends; it costs nothing while nobody listens).</summary>
    public static ActivitySource Tracing { get; } = new(Name);
}
