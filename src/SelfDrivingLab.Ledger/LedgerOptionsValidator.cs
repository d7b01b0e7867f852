using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Ledger;

/// <summary>Refuses ledger options that could not be opened, before the host starts.</summary>
internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail("Ledger:Path must not be empty.");
        }

        if (options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"Ledger:Path '{options.Path}' contains characters that are not allowed in a path.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(options.Path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"Ledger:Path '{options.Path}' is not a valid path: {ex.Message}");
        }

        return Directory.Exists(fullPath)
            ? ValidateOptionsResult.Fail($"Ledger:Path '{fullPath}' is a directory; give a file path such as '{LedgerOptions.DefaultPath}'.")
            : ValidateOptionsResult.Success;
    }
}
