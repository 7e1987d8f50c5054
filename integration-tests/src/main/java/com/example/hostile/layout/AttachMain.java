package com.example.hostile.layout;

import com.example.hostile.Db;
import com.example.hostile.Out;
import com.example.hostile.late.domain.LatePet;
import java.lang.management.ManagementFactory;

/**
 * Loads and writes a guarded class, then attaches the agent to itself (when
 * {@code -Dhostile.attach=<jar>=<options>} is given) and goes on: classes loaded later write the
 * early class's fields.
 */
public final class AttachMain {
    private AttachMain() {
    }

    public static void main(String[] args) throws Exception {
        LatePet early = new LatePet("SECRET-early");
        early.name = "early-1";
        String attach = System.getProperty("hostile.attach");
        if (attach != null) {
            int split = attach.indexOf('=');
            String pid = String.valueOf(ManagementFactory.getRuntimeMXBean().getPid());
            Class<?> vmClass = Class.forName("com.sun.tools.attach.VirtualMachine");
            Object vm = vmClass.getMethod("attach", String.class).invoke(null, pid);
            vmClass.getMethod("loadAgent", String.class, String.class).invoke(vm, attach.substring(0, split), attach.substring(split + 1));
            vmClass.getMethod("detach").invoke(vm);
        }
        Out out = new Out("attach");
        int before = Db.trips();
        new com.example.hostile.late.LateRequests().serveLate(out, early);
        System.out.println("T attach MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
