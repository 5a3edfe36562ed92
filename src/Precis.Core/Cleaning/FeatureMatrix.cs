using System.Numerics;

namespace Precis.Cleaning;

/// <summary>
/// The features of every line of a page, stored by column (one run of floats per feature, padded to the
/// SIMD width), so <see cref="BoostedTrees"/> can compare a feature of many lines against a threshold in
/// one vector instruction.
/// </summary>
internal sealed class FeatureMatrix
{
    public FeatureMatrix(int rows, int width)
    {
        Rows = rows;
        Width = width;
        Stride = (rows + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        Columns = new float[Stride * width];
    }

    public int Rows { get; }
    public int Width { get; }

    /// <summary>Length of one column: <see cref="Rows"/> rounded up to a whole number of vectors.</summary>
    public int Stride { get; }

    public float[] Columns { get; }

    public ReadOnlySpan<float> Column(int feature) => Columns.AsSpan(feature * Stride, Stride);

    public void SetRow(int row, ReadOnlySpan<float> values)
    {
        for (int f = 0; f < values.Length; f++) Columns[f * Stride + row] = values[f];
    }

    public void GetRow(int row, Span<float> values)
    {
        for (int f = 0; f < values.Length; f++) values[f] = Columns[f * Stride + row];
    }
}
