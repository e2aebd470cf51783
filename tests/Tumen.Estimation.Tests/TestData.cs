using Tumen.Estimation.Input;

namespace Tumen.Estimation.Tests;

/// <summary>The public MSE benchmark tables copied into Data/ (SparseMSE, Rcapture, HRDAG).</summary>
internal static class TestData
{
    public static CaptureHistories Load(string name) =>
        CaptureCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "Data", name + ".csv"));

    public static CaptureHistories FromCsv(string text) => CaptureCsv.Read(new StringReader(text), "test.csv");
}
