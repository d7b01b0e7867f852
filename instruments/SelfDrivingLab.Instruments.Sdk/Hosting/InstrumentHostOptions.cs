using System.ComponentModel.DataAnnotations;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Settings of one <see cref="InstrumentHost"/>; validated when the host is built.</summary>
public sealed class InstrumentHostOptions
{
    private const string IdPattern = "^[A-Za-z0-9._-]{1,128}$";

    /// <summary>Site (lab) id, part of every topic. Required.</summary>
    [Required]
    [RegularExpression(IdPattern, ErrorMessage = "Site must be 1-128 letters, digits, '-', '_' or '.'.")]
    public string Site { get; set; } = string.Empty;

    /// <summary>Instrument id, unique at the site. Required.</summary>
    [Required]
    [RegularExpression(IdPattern, ErrorMessage = "Instrument must be 1-128 letters, digits, '-', '_' or '.'.")]
    public string Instrument { get; set; } = string.Empty;

    /// <summary>Command ids remembered for deduplication (default 10,000).</summary>
    [Range(1, 10_000_000)]
    public int JournalCapacity { get; set; } = BoundedCommandJournal.DefaultCapacity;

    /// <summary>
    /// Directory of the durable command journal (<see cref="FileCommandJournal"/>, file
    /// <c>{site}.{instrument}.journal.jsonl</c>), so command ids survive a restart of the instrument
    /// process; null (default) keeps them in memory only (<see cref="BoundedCommandJournal"/>).
    /// Ignored when a journal is passed to the host explicitly.
    /// </summary>
    public string? JournalDirectory { get; set; }

    /// <summary>Checks the options, throwing a <see cref="ValidationException"/> that names the first bad setting.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
