using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// The instrument-specific part of an instrument: what it offers and how one action runs. The
/// <see cref="InstrumentHost"/> does everything else (bus, deduplication, limits, deadlines,
/// channels, abort, events), so a driver never sees a command it must refuse.
/// </summary>
public interface IInstrumentDriver
{
    /// <summary>Describes the actions offered and their parameter limits; called once when the host is built.</summary>
    InstrumentCapabilities Describe(InstrumentId id);

    /// <summary>
    /// Runs one accepted action and returns its results. Throw <see cref="InstrumentActionException"/>
    /// for a failed action; observe <paramref name="cancellationToken"/>, which is cancelled by an abort
    /// command or when the host stops.
    /// </summary>
    ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken);
}
