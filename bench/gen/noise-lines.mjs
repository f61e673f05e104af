/**
 * Ordinary driver and userspace chatter between splats: each template is a function of the PRNG so every line
 * differs a little (ports, counters, addresses). None contains a splat or boot-fact trigger.
 * @type {ReadonlyArray<(r: import('./mulberry32.mjs').Mulberry32) => string>}
 */
const TEMPLATES = [
  (r) => `usb 1-1.${r.int(1, 4)}: new high-speed USB device number ${r.int(2, 120)} using xhci-hcd`,
  (r) => `usb 1-1.${r.int(1, 4)}: New USB device found, idVendor=0bda, idProduct=8153, bcdDevice=30.${r.int(0, 9)}0`,
  (r) => `usb 1-1.${r.int(1, 4)}: New USB device strings: Mfr=1, Product=2, SerialNumber=${r.int(3, 6)}`,
  (r) => `r8152 2-1.${r.int(1, 4)}:1.0 eth${r.int(3, 5)}: v1.12.13 (unregistered net_device) ready`,
  (r) => `mmc${r.int(0, 1)}: new HS200 MMC card at address 000${r.int(1, 3)}`,
  (r) => `mmcblk1: mmc1:0001 DG4016 14.7 GiB, partitions p1 p2 p${r.int(3, 4)}`,
  (r) => `mvpp2 f2000000.ethernet eth${r.int(0, 2)}: Link is Up - 10Gbps/Full - flow control ${r.pick(['off', 'rx/tx'])}`,
  (r) => `mvpp2 f4000000.ethernet eth${r.int(0, 2)}: Link is Down`,
  (r) => `IPv6: ADDRCONF(NETDEV_CHANGE): eth${r.int(0, 2)}: link becomes ready`,
  (r) => `br0: port ${r.int(1, 3)}(eth${r.int(0, 2)}) entered ${r.pick(['forwarding', 'blocking', 'disabled'])} state`,
  (r) =>
    `audit: type=1400 audit(1673344${r.int(100, 999)}.${r.int(100, 999)}:${r.int(10, 9999)}): apparmor="STATUS" operation="profile_replace" pid=${r.int(300, 9000)}`,
  (r) => `audit: type=1006 audit(1673344${r.int(100, 999)}.${r.int(100, 999)}:${r.int(10, 9999)}): pid=${r.int(300, 9000)} uid=0 old-auid=4294967295 auid=0 tty=(none) ses=${r.int(1, 90)} res=1`,
  (r) => `systemd[1]: Started ${r.pick(['Journal Service', 'Network Time Synchronization', 'OpenBSD Secure Shell server', 'Daily apt upgrade and clean activities'])}.`,
  (r) => `systemd[1]: Starting ${r.pick(['Load Kernel Modules', 'Apply Kernel Variables', 'Create Volatile Files and Directories', 'Network Manager'])}...`,
  (r) => `systemd-journald[${r.int(200, 400)}]: Received client request to flush runtime journal.`,
  (r) => `systemd-udevd[${r.int(300, 900)}]: eth${r.int(0, 2)}: Interface name change detected, renamed to end${r.int(0, 2)}.`,
  (r) => `EXT4-fs (mmcblk1p${r.int(1, 3)}): mounted filesystem with ordered data mode. Quota mode: none.`,
  (r) => `EXT4-fs (sda${r.int(1, 3)}): re-mounted. Opts: errors=remount-ro. Quota mode: none.`,
  (r) => `nvme nvme0: ${r.int(2, 8)}/0/0 default/read/poll queues`,
  (r) => `pcieport 0000:00:00.0: PME: Signaling with IRQ ${r.int(30, 60)}`,
  (r) => `amdgpu 0000:01:00.0: amdgpu: SMU is resumed successfully! (fence ${r.int(1000, 99999)})`,
  (r) => `amdgpu 0000:01:00.0: [drm] fb${r.int(0, 1)}: amdgpudrmfb frame buffer device`,
  (r) => `xhci-hcd f2500000.usb: xHCI Host Controller, assigned bus number ${r.int(1, 4)}`,
  (r) => `sd 0:0:0:0: [sda] ${r.int(100000000, 999999999)} 512-byte logical blocks: (256 GB/238 GiB)`,
  (r) => `ata${r.int(1, 2)}: SATA link up 6.0 Gbps (SStatus 133 SControl 300)`,
  (r) => `ata${r.int(1, 2)}.00: configured for UDMA/133, ${r.int(1, 32)} tags, NCQ enabled`,
  (r) => `kauditd_printk_skb: ${r.int(2, 40)} callbacks suppressed`,
  (r) => `device eth${r.int(0, 2)} entered promiscuous mode (dev_set_promiscuity, count ${r.int(1, 3)})`,
  (r) => `TCP: request_sock_TCP: Possible SYN flooding on port ${r.pick([22, 80, 443, 8080])}. Sending cookies.  Check SNMP counters.`,
  (r) => `nfs: server 10.0.${r.int(0, 9)}.${r.int(2, 250)} not responding, still trying`,
  (r) => `nfs: server 10.0.${r.int(0, 9)}.${r.int(2, 250)} OK`,
  (r) => `perf: interrupt took too long (${r.int(2501, 4000)} > 2500), lowering kernel.perf_event_max_sample_rate to ${r.int(40000, 79750)}`,
  (r) => `hrtimer: interrupt took ${r.int(10000, 900000)} ns`,
  (r) => `armada_thermal f06f808c.thermal-sensor: thermal zone ${r.int(0, 4)} temperature ${r.int(40, 85)}000 mC`,
  (r) => `sdhci-xenon f06e0000.sdhci: Got CD GPIO, tuning step ${r.int(1, 40)} of 40`,
  (r) => `NET: Registered PF_${r.pick(['INET6', 'PACKET', 'KEY', 'ALG'])} protocol family (${r.int(1, 9)} sockets)`,
  (r) => `bridge: filtering via arp/ip/ip6tables is no longer available by default. Update your scripts (${r.int(1, 9)}).`,
  (r) => `Adding ${r.int(1000000, 4000000)}k swap on /swapfile.  Priority:-2 extents:${r.int(1, 12)} across:${r.int(1000000, 4000000)}k SS`,
  (r) => `loop${r.int(0, 7)}: detected capacity change from 0 to ${r.int(100000, 900000)}`,
  (r) => `cgroup: fork rejected by pids controller in /user.slice/user-${r.int(1000, 1010)}.slice/session-${r.int(1, 99)}.scope`,
];

/** One noise message (no prefix). */
export function noiseLine(rng) {
  return rng.pick(TEMPLATES)(rng);
}
