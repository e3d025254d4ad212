// expect: SV|RE
// Starts processes in a loop through ProcessBuilder (a new process and an exec of /bin/sh each).
public class Main {
    public static void main(String[] args) throws Exception {
        while (true) {
            new ProcessBuilder("/bin/sh", "-c", "echo ESCAPED").inheritIO().start();
        }
    }
}
