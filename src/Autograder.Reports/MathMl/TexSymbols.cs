namespace Autograder.Reports.MathMl;

/// <summary>The TeX commands <see cref="TexToMathMl"/> knows: letters, operators, relations and named functions.</summary>
internal static class TexSymbols
{
    /// <summary>Commands written as identifiers (<c>&lt;mi&gt;</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Identifiers = new Dictionary<string, string>
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε", ["zeta"] = "ζ",
        ["eta"] = "η", ["theta"] = "θ", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π",
        ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "ϕ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Sigma"] = "Σ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["partial"] = "∂", ["nabla"] = "∇", ["infty"] = "∞", ["ell"] = "ℓ", ["top"] = "⊤",
    };

    /// <summary>Commands written as operators (<c>&lt;mo&gt;</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Operators = new Dictionary<string, string>
    {
        ["cdot"] = "⋅", ["star"] = "⋆", ["circledast"] = "⊛", ["ast"] = "∗", ["times"] = "×", ["div"] = "÷", ["pm"] = "±", ["odot"] = "⊙", ["otimes"] = "⊗", ["circ"] = "∘",
        ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["le"] = "≤", ["leq"] = "≤", ["ge"] = "≥", ["geq"] = "≥", ["ne"] = "≠", ["neq"] = "≠",
        ["approx"] = "≈", ["equiv"] = "≡", ["propto"] = "∝", ["sim"] = "∼", ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←",
        ["Rightarrow"] = "⇒", ["mapsto"] = "↦", ["in"] = "∈", ["notin"] = "∉", ["subset"] = "⊂", ["forall"] = "∀", ["exists"] = "∃",
        ["ldots"] = "…", ["dots"] = "…", ["cdots"] = "⋯", ["vdots"] = "⋮", ["langle"] = "⟨", ["rangle"] = "⟩", ["lVert"] = "‖", ["rVert"] = "‖",
        ["{"] = "{", ["}"] = "}", ["|"] = "‖", ["mid"] = "∣", ["lfloor"] = "⌊", ["rfloor"] = "⌋", ["lceil"] = "⌈", ["rceil"] = "⌉",
    };

    /// <summary>Named functions, upright (<c>\log x</c>).</summary>
    public static readonly IReadOnlySet<string> Functions = new HashSet<string>
    {
        "log", "ln", "exp", "max", "min", "argmax", "argmin", "tanh", "sin", "cos", "det", "rank", "tr", "diag", "softmax", "sup", "inf", "lim",
    };

    /// <summary>Blackboard-bold letters for <c>\mathbb</c>.</summary>
    public static readonly IReadOnlyDictionary<char, string> BlackboardBold = new Dictionary<char, string>
    {
        ['R'] = "ℝ", ['N'] = "ℕ", ['Z'] = "ℤ", ['Q'] = "ℚ", ['C'] = "ℂ", ['E'] = "𝔼", ['P'] = "ℙ",
    };

    /// <summary>Accents for <c>\hat</c> and friends: the mark drawn over the argument.</summary>
    public static readonly IReadOnlyDictionary<string, string> Accents = new Dictionary<string, string>
    {
        ["hat"] = "^", ["tilde"] = "~", ["bar"] = "¯", ["overline"] = "¯", ["vec"] = "→", ["dot"] = "˙",
    };

    /// <summary>Spacing commands and their widths.</summary>
    public static readonly IReadOnlyDictionary<string, string> Spaces = new Dictionary<string, string>
    {
        [","] = "0.17em", [":"] = "0.22em", [";"] = "0.28em", ["quad"] = "1em", ["qquad"] = "2em", [" "] = "0.33em", ["!"] = "0em",
    };
}
