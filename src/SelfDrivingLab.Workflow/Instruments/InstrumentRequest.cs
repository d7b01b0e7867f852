using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// What a step needs from an instrument: <see cref="Capability"/>, and announced limits that admit <see cref="Parameters"/>
/// (a command that breaks the leased instrument's limits is never sent). Immutable.
/// </summary>
/// <param name="Capability">The action.</param>
/// <param name="Parameters">The command's parameters.</param>
public sealed record InstrumentRequest(string Capability, ParameterSet Parameters)
{
    /// <summary>The campaign's priority on shared instruments (default 0).</summary>
    public int Priority { get; init; }

    /// <summary>Only this instrument (reconciling a command it was sent before a restart); default any.</summary>
    public InstrumentTopics? Only { get; init; }

    /// <summary>Any instrument but this one (<c>retry_elsewhere</c>); default none excluded.</summary>
    public InstrumentTopics? Excluded { get; init; }

    /// <summary>Only instruments at this site (a step's <c>site:</c>); default any site whose link is up.</summary>
    public SiteId? Site { get; init; }
}
