// expect: OLE
// Prints lines forever.
import java.io.BufferedOutputStream;
import java.io.PrintStream;

public class Main {
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false);
        String line = "x".repeat(1023);
        while (!out.checkError()) {
            out.println(line);
        }
        System.exit(1);
    }
}
