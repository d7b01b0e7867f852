namespace SelfDrivingLab.Dashboard.Live;

/// <summary>
/// The latest dashboard view and a signal when it changes, for the pages' event streams to wait on. Thread-safe: one
/// poller publishes, any number of streams wait.
/// </summary>
internal sealed class ViewFeed
{
    private readonly Lock _gate = new();
    private PublishedView? _current;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The latest view, or null before the first read.</summary>
    public PublishedView? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Publishes <paramref name="json"/> when it differs from the current view; returns the new version, or null when nothing changed.</summary>
    public long? Publish(string json)
    {
        TaskCompletionSource changed;
        long version;
        lock (_gate)
        {
            if (_current is not null && string.Equals(_current.Json, json, StringComparison.Ordinal))
            {
                return null;
            }

            version = (_current?.Version ?? 0) + 1;
            _current = new PublishedView(version, json);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        return version;
    }

    /// <summary>Waits for a view newer than <paramref name="seenVersion"/> (0: none seen yet).</summary>
    public async Task<PublishedView> NextAsync(long seenVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_current is { } current && current.Version > seenVersion)
                {
                    return current;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
