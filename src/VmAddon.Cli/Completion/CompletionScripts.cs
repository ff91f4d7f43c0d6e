namespace VmAddon.Cli.Completion;

/// <summary>
/// The bash and zsh completion scripts for kubectl-vm. Both ask the program itself (<c>kubectl-vm __complete WORDS...</c>,
/// cobra's protocol), so they complete subcommands, flags and VM names from the cluster without knowing any of them.
/// For <c>kubectl vm &lt;TAB&gt;</c>, kubectl (1.26+) runs bin/kubectl_complete-vm, which speaks the same protocol.
/// </summary>
internal static class CompletionScripts
{
    public const string Bash = """
        # bash completion for kubectl-vm. Load it with: source <(kubectl vm completion bash)
        # kubectl vm <TAB> completes through kubectl's own completion and bin/kubectl_complete-vm (kubectl 1.26+).
        _kubectl_vm() {
            local cur="${COMP_WORDS[COMP_CWORD]}" out directive
            local -a lines
            out=$(kubectl-vm __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return
            mapfile -t lines <<< "$out"
            directive=${lines[${#lines[@]}-1]#:}
            unset 'lines[${#lines[@]}-1]'
            COMPREPLY=()
            local line
            for line in "${lines[@]}"; do
                [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("${line%%$'\t'*}")
            done
            if [[ ${#COMPREPLY[@]} -eq 0 && $directive == 0 ]]; then
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            fi
        }
        complete -o default -F _kubectl_vm kubectl-vm

        """;

    public const string Zsh = """
        #compdef kubectl-vm
        # zsh completion for kubectl-vm. Load it with: source <(kubectl vm completion zsh)  (after compinit)
        # kubectl vm <TAB> completes through kubectl's own completion and bin/kubectl_complete-vm (kubectl 1.26+).
        _kubectl_vm() {
            local -a lines completions
            local directive
            lines=("${(@f)$(kubectl-vm __complete "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
            directive=${lines[-1]#:}
            completions=("${(@)lines[1,-2]}")
            if (( ${#completions} )); then
                compadd -- "${(@)completions%%$'\t'*}"
            elif [[ $directive == 0 ]]; then
                _files
            fi
        }
        compdef _kubectl_vm kubectl-vm

        """;
}
