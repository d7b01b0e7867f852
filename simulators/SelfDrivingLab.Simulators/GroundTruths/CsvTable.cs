using SelfDrivingLab.Core.Data;

namespace SelfDrivingLab.Simulators;

/// <summary>Reads a ground-truth table with <see cref="CsvRows"/>, naming the file in every error.</summary>
internal static class CsvTable
{
    public static (string[] Header, List<(int Line, string[] Fields)> Rows) Read(string path)
    {
        try
        {
            return CsvRows.Read(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
