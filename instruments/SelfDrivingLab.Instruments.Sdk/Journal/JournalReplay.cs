using System.Text;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Reads a <see cref="FileCommandJournal"/> file back at start-up.</summary>
internal static class JournalReplay
{
    public static void Load(string path, JournalIndex index, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            // A line torn by a kill mid-write fails to read; everything before it was flushed whole.
            if (ProtocolReader.TryReadEvent(Encoding.UTF8.GetBytes(line), out var instrumentEvent, out var error) && instrumentEvent is not null)
            {
                index.Set(instrumentEvent);
            }
            else
            {
                Log.JournalLineSkipped(logger, path, lineNumber, error);
            }
        }
    }

    /// <summary>
    /// A command journaled as accepted but never finished was cut off by the restart: the driver may
    /// have half run it, so it is reported failed and never run again.
    /// </summary>
    public static void MarkInterrupted(JournalIndex index, DateTimeOffset now, ILogger logger)
    {
        foreach (var unfinished in index.Latest().Where(e => !e.IsFinal).ToList())
        {
            Log.JournalCommandInterrupted(logger, unfinished.Instrument, unfinished.CommandId);
            index.Set(unfinished with
            {
                Kind = InstrumentEventKind.Failed,
                At = now,
                Progress = null,
                Results = null,
                Error = FileCommandJournal.InterruptedError,
                Message = "the instrument restarted while this command ran; it may have partly run and is never run again",
            });
        }
    }
}
