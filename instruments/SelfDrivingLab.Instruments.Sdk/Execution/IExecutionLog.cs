namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Records every physical execution of an action (one entry per driver call). Thread-safe.</summary>
public interface IExecutionLog
{
    /// <summary>Appends <paramref name="record"/>.</summary>
    ValueTask RecordAsync(ExecutionRecord record, CancellationToken cancellationToken = default);
}
